using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace GovOpenness.Viewer.Tests;

/// <summary>What the viewer tests share: the browser, tree navigation, screenshots, and posting progress over HTTP.</summary>
internal static class ViewerPages
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

    /// <summary>
    /// Opens the viewer at <paramref name="url"/> and signs in through the page (账号, 密码, 登录) as the
    /// test server's administrator of cn, then waits until the sign-in form is gone.
    /// </summary>
    public static async Task OpenSignedInAsync(IPage page, string url, string account = global::GovOpenness.Server.Tests.TestAccounts.Admin, string password = global::GovOpenness.Server.Tests.TestAccounts.AdminPassword)
    {
        await page.GotoAsync(url, new() { Timeout = 90_000 });
        await page.GetByLabel("账号").FillAsync(account);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.Locator("#signin")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#app")).ToBeVisibleAsync();
    }

    public static async Task<string> ScreenshotAsync(IPage page, string name, bool fullPage = false)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new() { Path = path, FullPage = fullPage });
        Assert.True(new FileInfo(path).Length > 0, "截图文件为空：" + path);
        return path;
    }

    public static async Task<LaunchedBrowser> LaunchChromiumAsync()
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

    /// <summary>Posts one progress step through the real API and fails the test unless it is stored.</summary>
    public static async Task PostProgressAsync(HttpClient http, string bodyId, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await http.PostAsync($"/api/bodies/{bodyId}/progress", content);
        Assert.True(response.IsSuccessStatusCode, $"进度未被接受：{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>
    /// Waits for the server's signal that the pipeline has settled (GET /health/settled?wait=…: the roll-up
    /// reaches a parent after the child's flush timer, and the test must not guess how long that takes),
    /// then checks the body's summary once and returns its counts.
    /// </summary>
    public static async Task<JsonElement> WaitForSummaryAsync(HttpClient http, string bodyId, int year, Func<JsonElement, bool> condition, TimeSpan timeout)
    {
        await WaitSettledAsync(http, timeout);
        var view = await http.GetFromJsonAsync<JsonElement>($"/api/bodies/{bodyId}/summary?year={year}");
        var counts = view.GetProperty("summary").GetProperty("counts");
        Assert.True(condition(counts), $"“{bodyId}”的汇总在系统稳定后未达到预期：{counts}");
        return counts;
    }

    /// <summary>Returns once the server says its pipeline has settled; fails with what is pending otherwise.</summary>
    public static async Task WaitSettledAsync(HttpClient http, TimeSpan timeout)
    {
        var response = await http.GetAsync($"/health/settled?wait={(int)Math.Ceiling(timeout.TotalSeconds)}");
        Assert.True(response.IsSuccessStatusCode, $"{timeout.TotalSeconds} 秒内系统未稳定：{await response.Content.ReadAsStringAsync()}");
    }
}
