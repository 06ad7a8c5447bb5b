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
        await page.GotoAsync(_server.BaseAddress.ToString(), new() { Timeout = 120_000 });
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
        await page.GotoAsync(_server.BaseAddress.ToString(), new() { Timeout = 120_000 });
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
        await page.GotoAsync(_server.BaseAddress.ToString(), new() { Timeout = 120_000 });
        await page.Locator("#body-search").FillAsync("不存在的机构");
        await Assertions.Expect(page.Locator(".search-status")).ToHaveTextAsync("没有与“不存在的机构”相符的机构");
    }
}
