using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace GovOpenness.Viewer.Tests;

/// <summary>Progress posted through the API shows on the open page within a second, pushed over SignalR.</summary>
public sealed class LiveViewerTests(ViewerServer server) : IClassFixture<ViewerServer>
{
    private const string Xiaoyi = "141181";

    [ChromiumFact]
    public async Task Progress_posted_for_xiaoyi_shows_on_the_open_page_within_a_second()
    {
        await using var browser = await ViewerPages.LaunchChromiumAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        await ViewerPages.OpenSignedInAsync(page, server.BaseAddress.ToString());
        await Assertions.Expect(page.GetByTestId("live-state")).ToHaveTextAsync("实时：已连接");

        await ViewerPages.ExpandAsync(page, "14", "山西省");
        await ViewerPages.ExpandAsync(page, "1411", "吕梁市");
        await ViewerPages.ExpandAsync(page, Xiaoyi, "孝义市");
        await ViewerPages.Node(page, Xiaoyi).Locator(":scope > .row > .label").ClickAsync();

        // The current summary arrives on subscribing: exactly the settled server's figure. Mark the page, so a reload would show.
        using var http = server.CreateClient();
        await ViewerPages.WaitSettledAsync(http, TimeSpan.FromSeconds(60));
        var summary = await http.GetFromJsonAsync<JsonElement>($"/api/bodies/{Xiaoyi}/summary?year=2022");
        var before = summary.GetProperty("summary").GetProperty("counts").GetProperty("itemsAcknowledged").GetInt32();
        var acknowledged = page.GetByTestId("live-itemsAcknowledged");
        await Assertions.Expect(acknowledged).ToHaveTextAsync(before.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.EvaluateAsync("() => { window.__notReloaded = true; }");

        var itemId = await FirstItemAsync(http, Xiaoyi, 2022);
        var posted = await http.PostAsync($"/api/bodies/{Xiaoyi}/progress", new StringContent(
            $$"""{"year":2022,"itemId":"{{itemId}}","step":"acknowledged","requestId":"live-viewer-test"}""", Encoding.UTF8, "application/json"));
        Assert.True(posted.StatusCode == HttpStatusCode.OK, $"{(int)posted.StatusCode}: {await posted.Content.ReadAsStringAsync()}");

        await Assertions.Expect(acknowledged).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(await page.EvaluateAsync<bool>("() => window.__notReloaded === true"), "页面被重新加载了");
        await Assertions.Expect(page.GetByTestId("live-body")).ToContainTextAsync("孝义市");

        var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "viewer-live-xiaoyi.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new() { Path = screenshot });
        Assert.True(new FileInfo(screenshot).Length > 0, "截图文件为空：" + screenshot);
    }

    /// <summary>A pending item of the body's progress table (a plan's first entry may be a chapter heading, which carries no progress).</summary>
    private static async Task<string> FirstItemAsync(HttpClient http, string bodyId, int year) =>
        (await http.GetFromJsonAsync<JsonElement>($"/api/bodies/{bodyId}/progress?year={year}")).GetProperty("items").EnumerateArray()
            .First(i => i.GetProperty("status").GetString() == "pending").GetProperty("itemId").GetString()!;
}
