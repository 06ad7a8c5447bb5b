using Microsoft.Playwright;

namespace GovOpenness.Viewer.Tests;

/// <summary>The viewer in a real browser against the real server seeded with the sample cascade.</summary>
public sealed class CascadeViewerTests(ViewerServer server) : IClassFixture<ViewerServer>
{
    [ChromiumFact]
    public async Task Expanding_to_xiaoyi_shows_its_deadline_moved_from_november_to_july()
    {
        await using var browser = await LaunchChromiumAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        await page.GotoAsync(server.BaseAddress.ToString());

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("政务公开工作要点 · 层级视图");
        await ExpandAsync(page, "14", "山西省");
        await ExpandAsync(page, "1411", "吕梁市");
        await ExpandAsync(page, "141181", "孝义市");
        var xiaoyi = Node(page, "141181").Locator(":scope > .row > .label");
        await Assertions.Expect(xiaoyi.Locator(".code")).ToHaveTextAsync("141181");
        await xiaoyi.ClickAsync();
        await Assertions.Expect(xiaoyi).ToHaveAttributeAsync("aria-pressed", "true");

        var panel = page.Locator("#panel");
        await Assertions.Expect(panel.Locator("h2")).ToContainTextAsync("孝义市");
        var moves = panel.Locator(".diff mark.move");
        await Assertions.Expect(moves.Filter(new() { HasText = "11月底 → 7月底" })).Not.ToHaveCountAsync(0);
        await Assertions.Expect(panel.Locator(".plan .deadline").Filter(new() { HasText = "（2022-07-31）" }).First).ToBeVisibleAsync();

        var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "viewer-xiaoyi.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await moves.First.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = screenshot });
        Assert.True(new FileInfo(screenshot).Length > 0, "截图文件为空：" + screenshot);
    }

    [ChromiumFact]
    public async Task A_body_without_a_plan_for_the_year_says_so_in_chinese()
    {
        await using var browser = await LaunchChromiumAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(server.BaseAddress.ToString());
        await ExpandAsync(page, "14", "山西省");
        await page.Locator("#year").SelectOptionAsync("2025");
        await Node(page, "14").Locator(":scope > .row > .label").ClickAsync();

        await Assertions.Expect(page.Locator("#panel .plan")).ToContainTextAsync("该机构本年度尚无工作要点");
    }

    private static ILocator Node(IPage page, string bodyId) => page.Locator($"li[data-body-id='{bodyId}']");

    private static async Task ExpandAsync(IPage page, string bodyId, string name)
    {
        var toggle = Node(page, bodyId).Locator(":scope > .row > .toggle");
        await Assertions.Expect(Node(page, bodyId).Locator(":scope > .row > .label")).ToContainTextAsync(name);
        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(Node(page, bodyId).Locator(":scope > ul > li[data-body-id]").First).ToBeVisibleAsync();
    }

    internal static async Task<LaunchedBrowser> LaunchChromiumAsync()
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
