using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using static GovOpenness.Viewer.Tests.ViewerPages;

namespace GovOpenness.Viewer.Tests;

/// <summary>The tree's badges follow pushed summaries: a closed item shows on the open page without reloading.</summary>
public sealed class LiveTreeTests(ViewerServer server) : IClassFixture<ViewerServer>
{
    [ChromiumFact]
    public async Task A_closed_item_recolours_the_tree_node_counts_without_reloading()
    {
        await using var browser = await LaunchChromiumAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        await ViewerPages.OpenSignedInAsync(page, server.BaseAddress.ToString());
        await Microsoft.Playwright.Assertions.Expect(page.GetByTestId("live-state")).ToHaveTextAsync("实时：已连接");
        await ExpandAsync(page, "14", "山西省");
        await ExpandAsync(page, "1411", "吕梁市");
        var badge = Node(page, "141181").Locator(":scope > .row > .summary > .badge");
        await Microsoft.Playwright.Assertions.Expect(badge).ToContainTextAsync("已办结 0/");
        await page.EvaluateAsync("() => { window.__notReloaded = true; }");

        using var http = server.CreateClient();
        await PostProgressAsync(http, "141181", """{"year":2022,"itemId":"5.3","step":"acknowledged","requestId":"tree-1"}""");
        await PostProgressAsync(http, "141181", """{"year":2022,"itemId":"5.3","step":"reported","evidence":["https://example.gov.cn/1"],"requestId":"tree-2"}""");
        using var review = new HttpRequestMessage(HttpMethod.Post, "/api/bodies/141181/progress")
        {
            Content = new StringContent("""{"year":2022,"itemId":"5.3","step":"accepted","requestId":"tree-3"}""", Encoding.UTF8, "application/json"),
        };
        review.Headers.Add("X-Body-Id", "1411");
        Assert.True((await http.SendAsync(review)).IsSuccessStatusCode);

        await Microsoft.Playwright.Assertions.Expect(badge).ToContainTextAsync("已办结 1/");
        await Microsoft.Playwright.Assertions.Expect(Node(page, "1411").Locator(":scope > .row > .summary > .badge")).ToContainTextAsync("已办结 1/");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__notReloaded === true"), "页面被重新加载了");
        await ScreenshotAsync(page, "viewer-live-tree.png");
    }
}
