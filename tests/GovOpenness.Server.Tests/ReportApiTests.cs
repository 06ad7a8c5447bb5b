using System.Net;
using DocumentFormat.OpenXml.Packaging;

namespace GovOpenness.Server.Tests;

/// <summary>
/// Year end over real HTTP: the annual report's implementation section (.docx and page) from the items'
/// 反馈 notes, in wording the body may edit; the 考核 score explained; 回头看 of 山西省 2022 against 2021.
/// </summary>
[Collection(SeededServerCollection.Name)]
public sealed class ReportApiTests(SeededServer server)
{
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task The_annual_report_page_says_what_was_done_from_the_reported_notes_and_what_is_late()
    {
        var plan = await Json.ReadAsync(await _client.GetAsync("/api/bodies/141181101/plans/2022"));
        var tasks = plan.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("item")).Where(i => i.GetProperty("depth").GetInt32() > 1).ToList();
        var done = tasks[0].GetProperty("id").GetString();
        await PostAsync("141181101", $$"""{"year":2022,"itemId":"{{done}}","step":"acknowledged","requestId":"rep-1"}""");
        await PostAsync("141181101", $$"""{"year":2022,"itemId":"{{done}}","step":"reported","note":"在政府网站开设专栏发布项目信息","evidence":["https://example.gov.cn/zl"],"requestId":"rep-2"}""");

        // The steps were taken today: a report as of today shows them (one as of 2022's end would not).
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var response = await _client.GetAsync($"/api/bodies/141181101/annual-report?year=2022&format=html&asOf={today}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("年度重点工作任务落实情况", html, StringComparison.Ordinal);
        Assert.Contains("在政府网站开设专栏发布项目信息", html, StringComparison.Ordinal);
        Assert.Contains("https://example.gov.cn/zl", html, StringComparison.Ordinal);
        Assert.Contains("未按期完成的事项及原因", html, StringComparison.Ordinal);
        Assert.Contains("（一）", html, StringComparison.Ordinal);

        var atYearEnd = await (await _client.GetAsync("/api/bodies/141181101/annual-report?year=2022&format=html")).Content.ReadAsStringAsync();
        Assert.Contains("data-as-of=\"2022-12-31\"", atYearEnd, StringComparison.Ordinal);
        Assert.DoesNotContain("在政府网站开设专栏发布项目信息", atYearEnd, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_annual_report_downloads_as_a_word_document_in_the_bodys_own_wording()
    {
        const string template = """
            {"title":"{机构}{年度}年度报告","sectionHeading":"重点任务落实","intro":"{机构}共{事项数}项任务，逾期{逾期}项。","rollUp":"含下级{下级机构数}个机构。",
             "doneHeading":"已完成","doneItem":"{事项}：{情况}","openHeading":"推进中","openItem":"{事项}：{情况}","lateHeading":"逾期","lateItem":"{事项}：{原因}",
             "noReason":"未说明","closing":"特此报告。"}
            """;
        var put = await _client.PutAsync("/api/bodies/141181102/annual-report/template", Json.Body(template));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var response = await _client.GetAsync("/api/bodies/141181102/annual-report?year=2022&format=docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = WordprocessingDocument.Open(stream, false);
        var text = document.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("2022年度报告", text, StringComparison.Ordinal);
        Assert.Contains("重点任务落实", text, StringComparison.Ordinal);
        Assert.Contains("特此报告。", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{", text, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync("/api/bodies/141181102/annual-report/template")).StatusCode);
        var back = await Json.ReadAsync(await _client.GetAsync("/api/bodies/141181102/annual-report/template"));
        Assert.False(back.GetProperty("custom").GetBoolean());
    }

    [Theory]
    [InlineData("""{"title":"{机构}{年份}","sectionHeading":"落实情况","intro":"共{事项数}项。","rollUp":"下级{下级机构数}个。","doneHeading":"已完成","doneItem":"{事项}","openHeading":"推进中","openItem":"{事项}","lateHeading":"逾期","lateItem":"{事项}：{原因}","noReason":"未说明","closing":"完。"}""", "占位符“{年份}”无法识别")]
    [InlineData("""{"title":"x"}""", "sectionHeading")]
    [InlineData("""{"title":"x","sectionHeading":"","intro":"共{事项数}项。","rollUp":"下级。","doneHeading":"已完成","doneItem":"{事项}","openHeading":"推进中","openItem":"{事项}","lateHeading":"逾期","lateItem":"{事项}","noReason":"未说明","closing":"完。"}""", "不能为空")]
    [InlineData("""{"title":"x","sectionHeading":"落实","intro":"共{事项数}项。","rollUp":"下级。","doneHeading":"已完成","doneItem":"{事项}","openHeading":"推进中","openItem":"{事项}","lateHeading":"逾期","lateItem":"{事项}","noReason":"未说明","closing":"完。","colour":"red"}""", "colour")]
    public async Task A_template_with_an_unknown_placeholder_or_a_missing_sentence_is_refused_and_changes_nothing(string template, string expected)
    {
        var response = await _client.PutAsync("/api/bodies/141181103/annual-report/template", Json.Body(template));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await Json.ReadAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var stored = await Json.ReadAsync(await _client.GetAsync("/api/bodies/141181103/annual-report/template"));
        Assert.False(stored.GetProperty("custom").GetBoolean());
    }

    [Fact]
    public async Task A_year_without_a_plan_has_no_report_and_no_score()
    {
        var report = await _client.GetAsync("/api/bodies/141181/annual-report?year=2025&format=html");
        Assert.Equal(HttpStatusCode.NotFound, report.StatusCode);

        var score = await Json.ReadAsync(await _client.GetAsync("/api/bodies/14/summary/explain?year=2025&figure=score"));
        Assert.False(score.GetProperty("hasPlan").GetBoolean());
        Assert.Contains("没有工作要点", score.GetProperty("words").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_score_explanation_lists_its_parts_and_the_children_with_a_plan()
    {
        var score = await Json.ReadAsync(await _client.GetAsync("/api/bodies/1411/summary/explain?year=2022&figure=score"));

        Assert.True(score.GetProperty("hasPlan").GetBoolean());
        var parts = score.GetProperty("parts").EnumerateArray().ToList();
        Assert.Equal(["onTime", "completion", "accepted", "overdue"], parts.Select(p => p.GetProperty("key").GetString()));
        Assert.Equal(score.GetProperty("raw").GetDouble(), Math.Round(parts.Sum(p => p.GetProperty("points").GetDouble()), 2), 2);
        Assert.Contains(score.GetProperty("children").EnumerateArray(), c => c.GetProperty("bodyId").GetString() == "141181" && c.GetProperty("name").GetString() == "孝义市");

        var summary = await Json.ReadAsync(await _client.GetAsync("/api/bodies/1411/summary?year=2022"));
        Assert.Equal(summary.GetProperty("score").GetProperty("score").GetDouble(), score.GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task Shanxi_2022_against_2021_lists_carried_over_new_dropped_and_never_closed_items()
    {
        var response = await _client.GetAsync("/api/bodies/14/plans/2022/compare?with=2021");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var compare = await Json.ReadAsync(response);
        Assert.Equal((2022, 2021), (compare.GetProperty("year").GetInt32(), compare.GetProperty("with").GetInt32()));
        Assert.NotEmpty(compare.GetProperty("carriedOver").EnumerateArray());
        Assert.NotEmpty(compare.GetProperty("new").EnumerateArray());
        Assert.Contains(compare.GetProperty("dropped").EnumerateArray(), d => d.GetProperty("heading").GetString()!.Contains("疫情", StringComparison.Ordinal));
        // Nothing of 2021 was ever closed in the sample: every 2021 task is still open.
        var neverClosed = compare.GetProperty("neverClosed").EnumerateArray().ToList();
        Assert.NotEmpty(neverClosed);
        Assert.All(neverClosed, n => Assert.NotEqual("已办结", n.GetProperty("status").GetString()));
        Assert.InRange(compare.GetProperty("coverage").GetDouble(), 0.01, 0.6);
    }

    [Theory]
    [InlineData("/api/bodies/14/plans/2022/compare?with=2022", "应为另一年度")]
    [InlineData("/api/bodies/14/plans/2022/compare?with=1800", "年度“1800”无效")]
    [InlineData("/api/bodies/14/annual-report?year=2022&format=pdf", "format“pdf”无效")]
    public async Task Bad_report_queries_are_problems_in_Chinese(string url, string expected)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await Json.ReadAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comparing_with_a_year_without_a_plan_is_not_found()
    {
        var response = await _client.GetAsync("/api/bodies/14/plans/2022/compare?with=2019");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("没有2019年度的工作要点", (await Json.ReadAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task PostAsync(string bodyId, string json)
    {
        var response = await _client.PostAsync($"/api/bodies/{bodyId}/progress", Json.Body(json));
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
