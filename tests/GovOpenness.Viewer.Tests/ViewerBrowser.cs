using Microsoft.Playwright;

namespace GovOpenness.Viewer.Tests;

/// <summary>Launching Debian's Chromium and walking the tree, for the live viewer tests.</summary>
internal static class ViewerBrowser
{
    public static ILocator Node(IPage page, string bodyId) => page.Locator($"li[data-body-id='{bodyId}']");

    public static async Task ExpandAsync(IPage page, string bodyId, string name)
    {
        var toggle = Node(page, bodyId).Locator(":scope > .row > .toggle");
        await Assertions.Expect(Node(page, bodyId).Locator(":scope > .row > .label")).ToContainTextAsync(name);
        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(Node(page, bodyId).Locator(":scope > ul > li[data-body-id]").First).ToBeVisibleAsync();
    }

    public static async Task<LaunchedBrowser> LaunchAsync()
    {
        if (!File.Exists(ChromiumFactAttribute.ChromiumPath))
        {
            Assert.Fail($"CI 环境缺少 {ChromiumFactAttribute.ChromiumPath}：请在 .ci/run 或 tools/scripts/test.sh 中安装 Debian 的 chromium 软件包");
        }

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumFactAttribute.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new LaunchedBrowser(playwright, browser);
    }
}
