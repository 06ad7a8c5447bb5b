using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;
using static GovOpenness.Viewer.Tests.ViewerPages;

namespace GovOpenness.Viewer.Tests;

/// <summary>
/// The annual report (年度报告落实情况) from the desk: an account of the body downloads a .docx whose text
/// names the body and carries the API's figures for it, and opens the same section as a page; an account
/// of another prefecture is refused.
/// </summary>
public sealed class AnnualReportViewerTests : IClassFixture<ViewerServer>
{
    private readonly ViewerServer _server;

    public AnnualReportViewerTests(ViewerServer server)
    {
        _server = server;
        Assertions.SetDefaultExpectTimeout(30_000);
    }

    private async Task CreateAccountAsync(string account, string password, string bodyId, params string[] roles)
    {
        using var http = _server.CreateClient();
        var response = await http.PostAsJsonAsync("/api/accounts", new { account, password, bodyId, roles });
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"账号未创建：{await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The sentences of the default wording that carry the subtree's figures, from the API's summary of the same day.</summary>
    private async Task<string[]> ExpectedFiguresAsync(string bodyId)
    {
        using var http = _server.CreateClient();
        // A 2022 report seen after 2022 is written as of 2022-12-31, the day the summary is asked for here.
        var view = await http.GetFromJsonAsync<JsonElement>($"/api/bodies/{bodyId}/summary?year=2022&asOf=2022-12-31");
        var counts = view.GetProperty("summary").GetProperty("counts");
        long C(string name) => counts.GetProperty(name).GetInt64();
        var score = view.GetProperty("score").GetProperty("score").GetDouble().ToString("0.00", CultureInfo.InvariantCulture);
        Assert.True(C("items") > 0, "样例数据中该机构应有2022年度事项");
        return
        [
            $"含下级{C("bodies") - 1}个机构",
            $"共承担任务{C("items")}项",
            $"已办结{C("itemsClosed")}项",
            $"逾期未完成{C("itemsOverdue")}项",
            $"考核得分{score}分",
        ];
    }

    [ChromiumFact]
    public async Task An_account_of_the_body_downloads_the_report_as_docx_with_its_figures_and_opens_it_as_a_page()
    {
        await CreateAccountAsync("report-xiaoyi", "report-password", "141181", "reviewer");
        var figures = await ExpectedFiguresAsync("141181");
        await using var browser = await LaunchChromiumAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 }, AcceptDownloads = true });
        page.SetDefaultTimeout(60_000);
        await OpenSignedInAsync(page, _server.BaseAddress.ToString(), "report-xiaoyi", "report-password");
        await Assertions.Expect(page.Locator("#panel h2")).ToContainTextAsync("孝义市");
        await Assertions.Expect(page.Locator("#panel")).Not.ToHaveAttributeAsync("aria-busy", "true");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator(".downloads a[data-kind='report-docx']").ClickAsync());

        Assert.Equal("孝义市2022年政府信息公开工作年度报告（落实情况）.docx", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), "govopenness-report-" + Guid.NewGuid().ToString("N") + ".docx");
        await download.SaveAsAsync(path);
        try
        {
            using var document = WordprocessingDocument.Open(path, false); // throws unless it is a valid package
            var text = document.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("孝义市2022年政府信息公开工作年度报告", text, StringComparison.Ordinal);
            Assert.Contains("年度重点工作任务落实情况", text, StringComparison.Ordinal);
            Assert.All(figures, f => Assert.Contains(f, text, StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }

        var report = await page.RunAndWaitForPopupAsync(() => page.Locator(".downloads a[data-kind='report-html']").ClickAsync());
        var article = report.Locator("article.annual-report");
        await Assertions.Expect(article).ToHaveAttributeAsync("data-as-of", "2022-12-31");
        await Assertions.Expect(article).ToContainTextAsync("孝义市");
        foreach (var figure in figures)
        {
            await Assertions.Expect(article).ToContainTextAsync(figure);
        }
    }

    [ChromiumFact]
    public async Task An_account_of_another_prefecture_is_refused_the_report()
    {
        await CreateAccountAsync("report-taiyuan", "report-password", "1401", "reviewer");
        await using var browser = await LaunchChromiumAsync();
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        await OpenSignedInAsync(page, _server.BaseAddress.ToString(), "report-taiyuan", "report-password");
        await Assertions.Expect(page.Locator("#panel h2")).ToContainTextAsync("太原市");

        // The page's own requests (its sign-in cookie), for another prefecture's county.
        foreach (var format in new[] { "docx", "html" })
        {
            var response = await page.APIRequest.GetAsync($"{_server.BaseAddress}api/bodies/141181/annual-report?year=2022&format={format}");
            Assert.Equal(403, response.Status);
            var problem = await response.JsonAsync();
            Assert.Contains("无权", problem?.GetProperty("detail").GetString() ?? "", StringComparison.Ordinal);
        }

        // Its own body's report opens.
        var own = await page.APIRequest.GetAsync($"{_server.BaseAddress}api/bodies/1401/annual-report?year=2022&format=html");
        Assert.Equal(200, own.Status);
        Assert.Contains("太原市", await own.TextAsync(), StringComparison.Ordinal);
    }
}
