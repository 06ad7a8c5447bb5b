using System.Net.Http.Json;
using Microsoft.Playwright;
using static GovOpenness.Viewer.Tests.ViewerPages;

namespace GovOpenness.Viewer.Tests;

/// <summary>
/// Progress in the viewer: lights and counts on tree nodes, an item's step and the overdue list in the
/// panel. The sample plans are 2022's, long past today, so unfinished items are overdue (red).
/// </summary>
public sealed class ProgressViewerTests(ViewerServer server) : IClassFixture<ViewerServer>
{
    private const string Xiaoyi = "141181";

    private async Task<HttpClient> PostXiaoyiProgressAsync()
    {
        var http = server.CreateClient();
        await PostProgressAsync(http, Xiaoyi, """{"year":2022,"itemId":"2.1","step":"acknowledged","requestId":"viewer-1"}""");
        await PostProgressAsync(http, Xiaoyi, """{"year":2022,"itemId":"2.1","step":"inProgress","percent":40,"note":"已完成执法信息梳理","requestId":"viewer-2"}""");
        await PostProgressAsync(http, Xiaoyi, """{"year":2022,"itemId":"1.1","step":"acknowledged","requestId":"viewer-3"}""");
        await PostProgressAsync(http, Xiaoyi, """{"year":2022,"itemId":"1.1","step":"reported","evidence":["https://www.xiaoyi.gov.cn/zwgk/1"],"requestId":"viewer-4"}""");
        // 吕梁市 sees 孝义市's steps once the child's flush timer ran: wait for it rather than guess.
        await WaitForSummaryAsync(http, "1411", 2022, c => c.GetProperty("itemsInProgress").GetInt64() >= 1 && c.GetProperty("itemsReported").GetInt64() >= 1, TimeSpan.FromSeconds(60));
        return http;
    }

    [ChromiumFact]
    public async Task Tree_nodes_show_their_subtree_light_and_counts_after_progress_is_posted()
    {
        using var http = await PostXiaoyiProgressAsync();
        await using var browser = await LaunchChromiumAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        await ViewerPages.OpenSignedInAsync(page, server.BaseAddress.ToString());

        await ExpandAsync(page, "14", "山西省");
        await ExpandAsync(page, "1411", "吕梁市");

        // The exact figures the settled server reports, not "some number".
        var mine = await CountsAsync(http, Xiaoyi);
        var city = await CountsAsync(http, "1411");
        var xiaoyi = Node(page, Xiaoyi).Locator(":scope > .row > .summary > .badge");
        await Assertions.Expect(xiaoyi).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("light-red"));
        await Assertions.Expect(xiaoyi).ToContainTextAsync("逾期");
        await Assertions.Expect(xiaoyi).ToHaveAttributeAsync("aria-label",
            $"红灯：逾期 {mine.GetProperty("itemsOverdue").GetInt64()} 项，已办结 {mine.GetProperty("itemsClosed").GetInt64()} 项，共 {mine.GetProperty("items").GetInt64()} 项（含下级）");
        var lvliang = Node(page, "1411").Locator(":scope > .row > .summary > .badge");
        await Assertions.Expect(lvliang).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("light-red"));
        await Assertions.Expect(lvliang).ToHaveTextAsync($"逾期 {city.GetProperty("itemsOverdue").GetInt64()} · 已办结 0/{city.GetProperty("items").GetInt64()}");

        await ScreenshotAsync(page, "viewer-tree-progress.png");
    }

    [ChromiumFact]
    public async Task Choosing_a_year_without_plans_turns_the_visible_nodes_grey_with_no_data()
    {
        await using var browser = await LaunchChromiumAsync();
        var page = await browser.NewPageAsync();
        await ViewerPages.OpenSignedInAsync(page, server.BaseAddress.ToString());
        await ExpandAsync(page, "14", "山西省");
        var lvliang = Node(page, "1411").Locator(":scope > .row > .summary > .badge");
        await Assertions.Expect(lvliang).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("light-red"));

        await page.Locator("#year").SelectOptionAsync("2025");

        await Assertions.Expect(lvliang).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("light-none"));
        await Assertions.Expect(lvliang).ToHaveTextAsync("无数据");
        await Assertions.Expect(lvliang).ToHaveAttributeAsync("aria-label", "暂无进度数据");
    }

    [ChromiumFact]
    public async Task The_panel_shows_an_items_step_its_deadline_and_the_overdue_list()
    {
        using var http = await PostXiaoyiProgressAsync();
        await using var browser = await LaunchChromiumAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        await ViewerPages.OpenSignedInAsync(page, server.BaseAddress.ToString());
        await ExpandAsync(page, "14", "山西省");
        await ExpandAsync(page, "1411", "吕梁市");
        await Node(page, Xiaoyi).Locator(":scope > .row > .label").ClickAsync();

        var panel = page.Locator("#panel");
        var row = panel.Locator(".progress-table tr[data-item-id='2.1']");
        await Assertions.Expect(row.Locator(".status-name")).ToHaveTextAsync("办理");
        await Assertions.Expect(row.Locator(".percent")).ToHaveTextAsync("40%");
        await Assertions.Expect(row.Locator(".deadline")).ToHaveTextAsync("7月底（2022年7月31日）");
        await Assertions.Expect(row.Locator(".light")).ToHaveTextAsync("红灯");
        await Assertions.Expect(row.Locator(".notes")).ToContainTextAsync("已完成执法信息梳理");
        var reported = panel.Locator(".progress-table tr[data-item-id='1.1']");
        await Assertions.Expect(reported.Locator(".status-name")).ToHaveTextAsync("反馈（待复核）");
        await Assertions.Expect(reported.Locator(".light")).ToHaveTextAsync("绿灯");

        var overdue = panel.Locator(".overdue .overdue-items li[data-item-id='2.1']");
        var table = await http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/bodies/{Xiaoyi}/progress?year=2022");
        var workingDays = table.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("itemId").GetString() == "2.1").GetProperty("overdueWorkingDays").GetInt32();
        Assert.True(workingDays > 0, table.GetRawText());
        await Assertions.Expect(overdue).ToContainTextAsync($"逾期 {workingDays} 个工作日");
        await Assertions.Expect(panel.Locator(".overdue .overdue-items li[data-item-id='1.1']")).ToHaveCountAsync(0);
        await Assertions.Expect(panel.Locator(".offenders li[data-body-id='141181'] .name")).ToHaveTextAsync("孝义市");

        // "How was this computed": the overdue figure opens into its parts, 2.1 among them.
        await panel.Locator("button.figure[data-figure='itemsOverdue']").ClickAsync();
        await Assertions.Expect(panel.Locator(".explain h4")).ToHaveTextAsync("“逾期事项”是怎样算出的");
        await Assertions.Expect(panel.Locator(".explain li[data-kind='item'][data-id='2.1']")).ToBeVisibleAsync();

        await panel.Locator("h2").ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync(page, "viewer-panel-progress.png");
    }

    [ChromiumFact]
    public async Task A_figure_opens_into_its_parts_and_a_childs_part_opens_at_the_child()
    {
        using var http = await PostXiaoyiProgressAsync();
        await using var browser = await LaunchChromiumAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        await ViewerPages.OpenSignedInAsync(page, server.BaseAddress.ToString());
        await ExpandAsync(page, "14", "山西省");
        await Node(page, "1411").Locator(":scope > .row > .label").ClickAsync();

        var panel = page.Locator("#panel");
        await panel.Locator("button.figure[data-figure='itemsInProgress']").ClickAsync();
        var xiaoyi = panel.Locator(".explain li[data-kind='child'][data-id='141181']");
        await Assertions.Expect(xiaoyi).ToContainTextAsync("孝义市（141181）：1");
        await xiaoyi.Locator("button.open-child").ClickAsync();

        await Assertions.Expect(panel.Locator(".explain h4")).ToHaveTextAsync("孝义市的“办理中”是怎样算出的");
        await Assertions.Expect(panel.Locator(".explain li[data-kind='item'][data-id='2.1']")).ToContainTextAsync("1");
    }

    [ChromiumFact]
    public async Task The_align_page_compares_the_sample_pair_and_shows_the_november_to_july_moves()
    {
        await using var browser = await LaunchChromiumAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        await ViewerPages.OpenSignedInAsync(page, new Uri(server.BaseAddress, "/#align").ToString());

        await Assertions.Expect(page.Locator("#align-title")).ToHaveTextAsync("文件比对：下级工作要点对上级的落实情况");
        await page.Locator("#load-sample").ClickAsync();
        await Assertions.Expect(page.Locator("#parent-text")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("山西省人民政府办公厅"));
        await Assertions.Expect(page.Locator("#child-text")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("孝政办发〔2022〕24号"));
        await page.Locator("#run-align").ClickAsync();

        var result = page.Locator("#align-result");
        await Assertions.Expect(result.Locator(".coverage")).ToHaveTextAsync("72.7%（上级事项被下级落实的比例）");
        var traffic = result.Locator("section.align-report > table.pairs tbody tr").Filter(new() { HasText = "做好道路交管信息公开" });
        await Assertions.Expect(traffic.Locator(".kind")).ToHaveTextAsync("期限提前");
        await Assertions.Expect(traffic.Locator("mark.move")).ToHaveTextAsync("11月底 → 7月底");
        var enforcement = result.Locator("section.align-report > table.pairs tbody tr").Filter(new() { HasText = "做好行政执法信息公开" });
        await Assertions.Expect(enforcement.Locator("mark.move")).ToHaveTextAsync("11月底 → 7月底");
        await Assertions.Expect(result.Locator(".escalation strong")).ToHaveTextAsync("53.3");
        await Assertions.Expect(result.Locator("section.dropped li").First).ToBeVisibleAsync();
        await Assertions.Expect(result.Locator("section.added li").First).ToBeVisibleAsync();
        await Assertions.Expect(result.Locator("section.align-report > table.pairs tr.doubtful .review").First).ToHaveTextAsync("待复核");
        // Sections are a tier of their own, with what 孝义市 left out and added; neither has a sub-section level.
        await Assertions.Expect(result.Locator("details.tier.sections > summary")).ToHaveTextAsync("章节对应（3 对，上级有下级无 3，下级新增 1）");
        await Assertions.Expect(result.Locator("details.tier.sections section.sections-dropped li[data-item-id='4']")).ToContainTextAsync("坚持公开就是晒权,以公开促廉政");
        await Assertions.Expect(result.Locator("details.tier.sections section.sections-added li[data-item-id='3']")).ToContainTextAsync("深化基层政务公开标准化规范化");
        await Assertions.Expect(result.Locator("details.tier.subsections")).ToHaveCountAsync(0);

        await traffic.ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync(page, "viewer-align.png");
    }

    [ChromiumFact]
    public async Task Documents_chosen_as_files_align_even_when_the_child_is_saved_in_gb18030()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var parent = await File.ReadAllBytesAsync(SampleDocument("001"));
        var child = System.Text.Encoding.GetEncoding("GB18030").GetBytes(await File.ReadAllTextAsync(SampleDocument("002")));
        await using var browser = await LaunchChromiumAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        await ViewerPages.OpenSignedInAsync(page, new Uri(server.BaseAddress, "/#align").ToString());

        await page.Locator("#parent-file").SetInputFilesAsync(new FilePayload { Name = "shanxi-2022.txt", MimeType = "text/plain", Buffer = parent });
        await page.Locator("#child-file").SetInputFilesAsync(new FilePayload { Name = "xiaoyi-2022-gb18030.txt", MimeType = "text/plain", Buffer = child });
        await Assertions.Expect(page.Locator("#child-text")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("孝义市人民政府办公室"));
        await Assertions.Expect(page.Locator("fieldset").Nth(1).Locator(".file-name")).ToHaveTextAsync("xiaoyi-2022-gb18030.txt");
        await page.Locator("#run-align").ClickAsync();

        var traffic = page.Locator("#align-result section.align-report > table.pairs tbody tr").Filter(new() { HasText = "做好道路交管信息公开" });
        await Assertions.Expect(traffic.Locator("mark.move")).ToHaveTextAsync("11月底 → 7月底");
    }

    /// <summary>A real document from samples/documents, found from the test's output folder upward.</summary>
    private static string SampleDocument(string number)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var documents = Path.Combine(folder.FullName, "samples", "documents");
            if (Directory.Exists(documents))
            {
                return Directory.GetFiles(documents, $"{number}_*.txt").Single();
            }
        }

        throw new DirectoryNotFoundException($"samples/documents not found above {AppContext.BaseDirectory}");
    }

    [ChromiumFact]
    public async Task Aligning_an_empty_document_says_what_is_missing_in_chinese()
    {
        await using var browser = await LaunchChromiumAsync();
        var page = await browser.NewPageAsync();
        await ViewerPages.OpenSignedInAsync(page, new Uri(server.BaseAddress, "/#align").ToString());
        await page.Locator("#run-align").ClickAsync();

        await Assertions.Expect(page.Locator("#align-result .error")).ToContainTextAsync("上级工作要点为空");
    }

    private static async Task<System.Text.Json.JsonElement> CountsAsync(HttpClient http, string bodyId)
    {
        var view = await http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/bodies/{bodyId}/summary?year=2022");
        return view.GetProperty("summary").GetProperty("counts");
    }
}
