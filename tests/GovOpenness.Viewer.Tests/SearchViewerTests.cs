using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using static GovOpenness.Viewer.Tests.ViewerPages;

namespace GovOpenness.Viewer.Tests;

/// <summary>The search box over the tree: typed by name, code or pinyin initials, it opens the path to the body.</summary>
public sealed class SearchViewerTests : IClassFixture<ViewerServer>
{
    private readonly ViewerServer _server;

    public SearchViewerTests(ViewerServer server)
    {
        _server = server;
        Assertions.SetDefaultExpectTimeout(30_000); // a state may take longer than 5 s to arrive on a loaded machine
    }

    [ChromiumFact]
    public async Task Typing_pinyin_initials_lists_Xiaoyi_with_its_path_and_choosing_it_opens_the_tree_to_it()
    {
        await using var browser = await LaunchChromiumAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        await OpenSignedInAsync(page, _server.BaseAddress.ToString());
        // A supervisor at 山西省: with it selected, its own bodies come first among the many "xys".
        await Node(page, "14").Locator(":scope > .row > .label").ClickAsync();
        await Assertions.Expect(page.Locator("#panel h2")).ToContainTextAsync("山西省");

        await page.Locator("#body-search").PressSequentiallyAsync("xys");
        var results = page.Locator("#search-results");
        await Assertions.Expect(results).ToHaveAttributeAsync("data-query", "xys");
        var first = results.Locator(".search-hit").First;
        await Assertions.Expect(first).ToHaveAttributeAsync("data-body-id", "141181");
        await Assertions.Expect(first.Locator(".path")).ToHaveTextAsync("山西省 › 吕梁市 › 孝义市");

        await first.ClickAsync();

        var label = Node(page, "141181").Locator(":scope > .row > .label");
        await Assertions.Expect(label).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(label).ToBeInViewportAsync();
        await Assertions.Expect(Node(page, "1411").Locator(":scope > .row > .toggle")).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(page.Locator("#panel h2")).ToContainTextAsync("孝义市");
        await ScreenshotAsync(page, "viewer-search.png");
    }

    [ChromiumFact]
    public async Task A_township_beyond_the_first_page_of_its_county_is_opened_too()
    {
        await using var browser = await LaunchChromiumAsync();
        var page = await browser.NewPageAsync();
        await OpenSignedInAsync(page, _server.BaseAddress.ToString());
        await Assertions.Expect(Node(page, "14")).ToBeVisibleAsync();

        // 万州区 (500101) has 52 townships, shown 50 to a page: 茨竹乡 is the last, on the second page.
        await page.Locator("#body-search").FillAsync("500101247");
        await Assertions.Expect(page.Locator("#search-results")).ToHaveAttributeAsync("data-query", "500101247");
        await Assertions.Expect(page.Locator("#search-results .search-hit .path")).ToHaveTextAsync("重庆市 › 万州区 › 茨竹乡");
        await page.Locator("#search-results .search-hit").First.ClickAsync();
        await Assertions.Expect(Node(page, "500101247").Locator(":scope > .row > .label")).ToHaveAttributeAsync("aria-pressed", "true");
    }

    [ChromiumFact]
    public async Task A_query_that_matches_nothing_says_so()
    {
        await using var browser = await LaunchChromiumAsync();
        var page = await browser.NewPageAsync();
        await OpenSignedInAsync(page, _server.BaseAddress.ToString());
        await page.Locator("#body-search").FillAsync("不存在的机构");
        await Assertions.Expect(page.Locator(".search-status")).ToHaveTextAsync("没有与“不存在的机构”相符的机构");
    }

    [ChromiumFact]
    public async Task A_prefecture_account_finds_its_own_bodies_and_not_another_prefectures()
    {
        using (var http = _server.CreateClient()) // acts as an administrator of cn
        {
            var created = await http.PostAsJsonAsync("/api/accounts", new { account = "search-lvliang", password = "lvliang-password", bodyId = "1411", roles = new[] { "reporter" } });
            Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await created.Content.ReadAsStringAsync());
        }

        await using var browser = await LaunchChromiumAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        await OpenSignedInAsync(page, _server.BaseAddress.ToString(), "search-lvliang", "lvliang-password");
        await Assertions.Expect(Node(page, "1411")).ToBeVisibleAsync();

        // 太原市 is 山西省's too, but not 吕梁市's to read: the search does not offer it.
        await page.Locator("#body-search").FillAsync("太原");
        await Assertions.Expect(page.Locator("#search-results")).ToHaveAttributeAsync("data-query", "太原");
        await Assertions.Expect(page.Locator(".search-status")).ToHaveTextAsync("没有与“太原”相符的机构");

        // 孝义市 is: choosing it opens the tree (rooted at 吕梁市) down to it.
        await page.Locator("#body-search").FillAsync("孝义");
        await Assertions.Expect(page.Locator("#search-results")).ToHaveAttributeAsync("data-query", "孝义");
        await page.Locator("#search-results .search-hit[data-body-id='141181']").ClickAsync();
        await Assertions.Expect(Node(page, "141181").Locator(":scope > .row > .label")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.Locator("#panel h2")).ToContainTextAsync("孝义市");
    }
}
