using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MiniExcelLibs;
using static GovOpenness.Viewer.Tests.ViewerPages;

namespace GovOpenness.Viewer.Tests;

/// <summary>
/// The supervisor's desk in the browser: the filtered subtree list, the 台账 download (read back with
/// MiniExcel), the reference day (参照日期), the 考核 score explained and walked back, and the print layout.
/// </summary>
public sealed class DeskViewerTests : IClassFixture<ViewerServer>
{
    private readonly ViewerServer _server;

    public DeskViewerTests(ViewerServer server)
    {
        _server = server;
        // Each expectation waits for a state of the page; on a loaded shared machine that state can take
        // longer than Playwright's 5 s default to arrive.
        Assertions.SetDefaultExpectTimeout(30_000);
    }

    private async Task<IPage> OpenAsync(LaunchedBrowser browser, string query, string bodyId, string name, int width = 1400)
    {
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = 900 }, AcceptDownloads = true });
        page.SetDefaultTimeout(60_000);
        await OpenSignedInAsync(page, _server.BaseAddress.ToString());
        await Assertions.Expect(Node(page, "14")).ToBeVisibleAsync();
        await page.Locator("#body-search").FillAsync(query);
        await Assertions.Expect(page.Locator("#search-results")).ToHaveAttributeAsync("data-query", query);
        await page.Locator($"#search-results .search-hit[data-body-id='{bodyId}']").ClickAsync();
        await Assertions.Expect(page.Locator("#panel h2")).ToContainTextAsync(name);
        await Assertions.Expect(page.Locator("#panel")).Not.ToHaveAttributeAsync("aria-busy", "true");
        return page;
    }

    [ChromiumFact]
    public async Task Filtering_townships_that_have_not_acknowledged_an_item_lists_them_with_their_paths()
    {
        await using var browser = await LaunchChromiumAsync();
        var page = await OpenAsync(browser, "141181", "141181", "孝义市");
        var form = page.Locator(".filter-form");

        await form.Locator("select[name='step']").SelectOptionAsync("pending");
        await form.Locator("select[name='level']").SelectOptionAsync("township");
        await form.Locator("input[name='item']").FillAsync("1.1");
        await form.Locator("button[type='submit']").ClickAsync();

        var results = page.Locator(".filter-results");
        await Assertions.Expect(results).ToHaveAttributeAsync("aria-busy", "false");
        await Assertions.Expect(results.Locator("tbody tr").First).ToBeVisibleAsync();
        var total = int.Parse(await results.GetAttributeAsync("data-total") ?? "0", CultureInfo.InvariantCulture);
        Assert.InRange(total, 1, 16);
        await Assertions.Expect(results.Locator("tbody tr")).ToHaveCountAsync(total);
        await Assertions.Expect(results.Locator("tbody tr .path").First).ToHaveTextAsync("山西省 › 吕梁市 › 孝义市");
        await Assertions.Expect(results.Locator("tbody tr .item-step").First).ToHaveTextAsync("未签收");
        await Assertions.Expect(results.Locator(".pager")).ToContainTextAsync($"共 {total} 个机构");
        await ScreenshotAsync(page, "viewer-filter.png");
    }

    [ChromiumFact]
    public async Task The_ledger_downloads_as_an_xlsx_with_a_row_per_body_and_item()
    {
        await using var browser = await LaunchChromiumAsync();
        var page = await OpenAsync(browser, "141181", "141181", "孝义市");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator(".downloads a[data-kind='ledger-xlsx']").ClickAsync());

        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.Contains("台账", download.SuggestedFilename, StringComparison.Ordinal);
        var path = Path.Combine(Path.GetTempPath(), "govopenness-ledger-" + Guid.NewGuid().ToString("N") + ".xlsx");
        await download.SaveAsAsync(path);
        try
        {
            var rows = MiniExcel.Query(path, useHeaderRow: true).Cast<IDictionary<string, object?>>().Where(r => r["机构编码"] is string).ToList();
            var bodies = rows.Select(r => (string)r["机构编码"]!).Distinct().ToList();
            Assert.Equal(17, bodies.Count); // 孝义市 and its 16 townships
            Assert.Equal("141181", bodies[0]);
            Assert.All(bodies, b => Assert.Equal(rows.Count(r => (string)r["机构编码"]! == "141181"), rows.Count(r => (string)r["机构编码"]! == b)));
            Assert.All(rows, r => Assert.False(string.IsNullOrEmpty((string?)r["事项编号"])));
            Assert.All(rows, r => Assert.Matches("^(未签收|已签收|办理中|已反馈|已办结|退回)$", (string)r["办理环节"]!));
            Assert.Contains(rows, r => ((string?)r["状态灯"])?.StartsWith("红灯", StringComparison.Ordinal) == true);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [ChromiumFact]
    public async Task A_past_year_is_offered_at_its_year_end_and_the_viewer_says_which_day_it_uses()
    {
        await using var browser = await LaunchChromiumAsync();
        var page = await OpenAsync(browser, "141181", "141181", "孝义市");
        var note = page.Locator("#as-of-note");
        await Assertions.Expect(note).ToContainTextAsync("2022 年度已结束，可改按年末（2022年12月31日）查看");

        await page.Locator("#as-of").SelectOptionAsync("year-end");

        await Assertions.Expect(note).ToHaveTextAsync("按 2022年12月31日 的情况计算（之后的签收、反馈、办结不计）");
        await Assertions.Expect(note).ToHaveAttributeAsync("data-as-of", "2022-12-31");
        await Assertions.Expect(page.Locator(".downloads a[data-kind='ledger-csv']")).ToHaveAttributeAsync("href", new Regex("asOf=2022-12-31"));
        await Assertions.Expect(page.Locator("#panel")).Not.ToHaveAttributeAsync("aria-busy", "true");
        // An item due 2022-07-31 and not done: as of 2022-12-31 it is 5 months late, not 4 years.
        var overdue = page.Locator("#panel .overdue-days").First;
        await Assertions.Expect(overdue).ToBeVisibleAsync();
        var workingDays = int.Parse(Regex.Match(await overdue.InnerTextAsync(), "\\d+").Value, CultureInfo.InvariantCulture);
        Assert.InRange(workingDays, 1, 260);

        await page.Locator("#as-of").SelectOptionAsync("custom");
        await page.Locator("#as-of-date").FillAsync("2022-06-30");
        await Assertions.Expect(note).ToHaveTextAsync("按 2022年6月30日 的情况计算（之后的签收、反馈、办结不计）");
    }

    [ChromiumFact]
    public async Task The_trees_lights_follow_the_reference_day()
    {
        await using var browser = await LaunchChromiumAsync();
        var page = await OpenAsync(browser, "141181", "141181", "孝义市");
        var badge = Node(page, "141181").Locator(":scope > .row > .summary .badge");
        // Today, four years after its deadlines, 孝义市's unfinished 2022 items are overdue.
        await Assertions.Expect(badge).ToHaveAttributeAsync("data-light", "red");

        await page.Locator("#as-of").SelectOptionAsync("custom");
        await page.Locator("#as-of-date").FillAsync("2022-03-01");

        await Assertions.Expect(page.Locator("#tree")).ToHaveAttributeAsync("data-as-of", "2022-03-01");
        await Assertions.Expect(badge).Not.ToHaveAttributeAsync("data-light", "red");
        await Assertions.Expect(badge).ToContainTextAsync("逾期 0");

        await page.Locator("#as-of").SelectOptionAsync("today");
        await Assertions.Expect(page.Locator("#tree")).ToHaveAttributeAsync("data-as-of", "");
        await Assertions.Expect(badge).ToHaveAttributeAsync("data-light", "red");
    }

    [ChromiumFact]
    public async Task The_score_is_explained_in_words_opened_into_a_child_and_walked_back()
    {
        await using var browser = await LaunchChromiumAsync();
        var page = await OpenAsync(browser, "1411", "1411", "吕梁市");
        var explain = page.Locator("#panel .explain");

        await page.Locator("#panel button.explain-score").ClickAsync();

        await Assertions.Expect(explain.Locator("h4")).ToHaveTextAsync("“考核得分”是怎样算出的");
        await Assertions.Expect(explain.Locator("li[data-part='onTime']")).ToContainTextAsync("按时完成率");
        await Assertions.Expect(explain.Locator("li[data-part='overdue']")).ToContainTextAsync("逾期扣分");
        await Assertions.Expect(explain.Locator(".explain-words")).ToContainTextAsync("最终");
        var xiaoyi = explain.Locator(".child-scores li[data-id='141181']");
        await Assertions.Expect(xiaoyi).ToContainTextAsync("孝义市");

        await xiaoyi.Locator("button.open-child").ClickAsync();
        await Assertions.Expect(explain.Locator("h4")).ToHaveTextAsync("孝义市的“考核得分”是怎样算出的");
        await Assertions.Expect(explain.Locator(".explain-trail")).ToContainTextAsync("返回 吕梁市");

        await explain.Locator(".explain-trail button.trail-back[data-body-id='1411']").ClickAsync();
        await Assertions.Expect(explain.Locator("h4")).ToHaveTextAsync("“考核得分”是怎样算出的");
        await ScreenshotAsync(page, "viewer-score-explained.png");
    }

    [ChromiumFact]
    public async Task A_child_figure_shows_the_childs_item_headings()
    {
        await using var browser = await LaunchChromiumAsync();
        var page = await OpenAsync(browser, "1411", "1411", "吕梁市");
        var explain = page.Locator("#panel .explain");
        await page.Locator("#panel button.figure[data-figure='items']").ClickAsync();
        await explain.Locator("li[data-kind='child'][data-id='141181'] button.open-child").ClickAsync();

        await Assertions.Expect(explain.Locator("h4")).ToHaveTextAsync("孝义市的“事项数”是怎样算出的");
        // The child's item lines carry the child's own headings ("事项 1.1 以权威发布促落实：1"), not bare ids.
        await Assertions.Expect(explain.Locator("li[data-kind='item'][data-id='1.1']")).ToHaveTextAsync(new Regex("事项 1\\.1 \\S+.*：\\d+"));
    }

    [ChromiumFact]
    public async Task A_year_without_a_plan_says_so_and_ranks_nobody()
    {
        await using var browser = await LaunchChromiumAsync();
        var page = await OpenAsync(browser, "山西", "14", "山西省");
        await page.Locator("#year").SelectOptionAsync("2025");

        await Assertions.Expect(page.Locator("#panel .ranking .no-plan")).ToHaveTextAsync("本年度没有工作要点，不排名");
        await Assertions.Expect(page.Locator("#panel .ranking table")).ToHaveCountAsync(0);
    }

    [ChromiumFact]
    public async Task Printing_gives_A4_portrait_pages_with_only_the_panel_and_nothing_cut()
    {
        await using var browser = await LaunchChromiumAsync();
        // The printable width of A4 portrait with 12 mm margins is 186 mm, about 703 CSS pixels.
        var page = await OpenAsync(browser, "141181", "141181", "孝义市", width: 703);
        await page.Locator(".filter-form button[type='submit']").ClickAsync();
        await Assertions.Expect(page.Locator(".filter-results tbody tr").First).ToBeVisibleAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Print });

        await Assertions.Expect(page.Locator("#tree")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#search")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".filter-form")).ToBeHiddenAsync();
        Assert.Equal("table-header-group", await page.Locator("#panel table thead").First.EvaluateAsync<string>("e => getComputedStyle(e).display"));
        // Nothing wider than the panel: every table and cell fits the page width.
        var overflow = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('#panel table, #panel td, #panel th')]
              .filter(e => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > document.querySelector('#panel').getBoundingClientRect().right + 1)
              .map(e => `${e.tagName}.${e.className} ${e.scrollWidth}>${e.clientWidth}: ${e.textContent.slice(0, 30)}`)
            """);
        Assert.True(overflow.Length == 0, "打印时超出页面宽度：" + string.Join("；", overflow));
        // Lights in words: the filter list's lights print as text.
        await Assertions.Expect(page.Locator(".filter-results td.light").First).ToHaveTextAsync(new Regex("^(红灯|黄灯|绿灯)（"));

        var pdf = await page.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = true });
        var text = Encoding.Latin1.GetString(pdf);
        var box = Regex.Match(text, @"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]");
        Assert.True(box.Success, "PDF 中没有页面尺寸（MediaBox）");
        var (width, height) = (double.Parse(box.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(box.Groups[2].Value, CultureInfo.InvariantCulture));
        Assert.InRange(width, 592, 598); // A4: 210 mm = 595.3 pt
        Assert.InRange(height, 839, 845); // 297 mm = 841.9 pt
        Assert.True(Regex.Matches(text, @"/Type\s*/Page\b").Count >= 1);
    }
}
