using System.Net;

namespace GovOpenness.Server.Tests;

/// <summary>The viewer's reads: a body's own progress table and one page of its children's summaries.</summary>
[Collection(SeededServerCollection.Name)]
public sealed class ProgressViewApiTests(SeededServer server)
{
    private readonly HttpClient _client = server.Client;

    /// <summary>A 2023 plan for 福建省 (35): long past, so an unfinished dated item is red.</summary>
    private async Task PublishPastPlanAsync()
    {
        const string plan = """
            {"year":2023,"title":"进度视图测试","items":[
              {"id":"1","heading":"公开预算","text":"公开预算决算","deadlines":[{"text":"11月底前","kind":"by","date":"2023-11-30"}],"units":["财政厅"]},
              {"id":"2","heading":"开放日","text":"办好政府开放日活动","deadlines":[{"text":"持续推进","kind":"ongoing"}],"units":["各部门"]}]}
            """;
        var response = await _client.PostAsync("/api/bodies/35/plans", Json.Body(plan));
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.Conflict, $"{response.StatusCode}");
    }

    [Fact]
    public async Task ProgressListsEveryItemWithItsStepLightAndOverdueDays()
    {
        await PublishPastPlanAsync();
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync("/api/bodies/3501/progress", Json.Body("""{"year":2023,"itemId":"1","step":"acknowledged","requestId":"pv1"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync("/api/bodies/3501/progress", Json.Body("""{"year":2023,"itemId":"1","step":"inProgress","percent":30,"note":"正在整理","requestId":"pv2"}"""))).StatusCode);

        var response = await _client.GetAsync("/api/bodies/3501/progress?year=2023");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var table = await Json.ReadAsync(response);
        var items = table.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["1", "2"], items.Select(i => i.GetProperty("itemId").GetString()));
        var first = items[0];
        Assert.Equal(("inProgress", 30, "正在整理", "red"), (first.GetProperty("status").GetString(), first.GetProperty("percent").GetInt32(), first.GetProperty("note").GetString(), first.GetProperty("light").GetString()));
        Assert.Equal("2023-11-30", first.GetProperty("deadline").GetString());
        var calendarDays = first.GetProperty("overdueDays").GetInt32();
        var workingDays = first.GetProperty("overdueWorkingDays").GetInt32();
        Assert.True(workingDays > 0 && workingDays < calendarDays, $"逾期 {calendarDays} 天、{workingDays} 个工作日");
        Assert.Equal(("pending", "green"), (items[1].GetProperty("status").GetString(), items[1].GetProperty("light").GetString()));
        Assert.Equal(1, table.GetProperty("overdueItems").GetInt32());
    }

    [Theory]
    [InlineData("/api/bodies/3501/progress", "缺少年度")]
    [InlineData("/api/bodies/3501/progress?year=1800", "年度“1800”无效")]
    [InlineData("/api/bodies/35/children/summaries", "缺少年度")]
    [InlineData("/api/bodies/35/summary", "缺少年度")]
    [InlineData("/api/bodies/35/summary/explain?year=2023", "缺少 figure")]
    [InlineData("/api/bodies/35/summary/explain?year=2023&figure=nonsense", "没有名为“nonsense”的汇总数字")]
    [InlineData("/api/bodies/35/children/summaries?year=2023&skip=-1", "skip“-1”无效")]
    [InlineData("/api/bodies/35/children/summaries?year=2023&take=0", "take“0”无效")]
    [InlineData("/api/bodies/35/children/summaries?year=2023&take=101", "每页应为1到100个")]
    public async Task BadQueriesAreProblemsInChinese(string url, string expected)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, (await Json.ReadAsync(response)).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/bodies/99999999/progress?year=2023")]
    [InlineData("/api/bodies/99999999/children/summaries?year=2023")]
    public async Task UnknownBodiesAreNotFound(string url)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("99999999", (await Json.ReadAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ChildrenSummariesComeAsOnePageWithNamesAndEachChildsOwnSummary()
    {
        await PublishPastPlanAsync();

        var page = await Json.ReadAsync(await _client.GetAsync("/api/bodies/35/children/summaries?year=2023&skip=1&take=2"));

        Assert.Equal(1, page.GetProperty("skip").GetInt32());
        Assert.True(page.GetProperty("childCount").GetInt32() > 3);
        var children = page.GetProperty("children").EnumerateArray().ToList();
        Assert.Equal(2, children.Count);
        var all = await Json.ReadAsync(await _client.GetAsync("/api/bodies/35?skip=1&take=2"));
        Assert.Equal(
            all.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("id").GetString()),
            children.Select(c => c.GetProperty("bodyId").GetString()));
        foreach (var child in children)
        {
            Assert.False(string.IsNullOrEmpty(child.GetProperty("name").GetString()));
            var view = child.GetProperty("view");
            Assert.Equal(child.GetProperty("bodyId").GetString(), view.GetProperty("summary").GetProperty("bodyId").GetString());
            // Each prefecture inherits the province's two items; the dated one is past, so the light is red.
            Assert.True(view.GetProperty("summary").GetProperty("counts").GetProperty("items").GetInt64() >= 2);
            Assert.Equal("red", view.GetProperty("light").GetString());
        }
    }

    [Fact]
    public async Task SampleDocumentsAreListedWithTheXiaoyiPairFirstAndServedAsText()
    {
        var list = await Json.ReadAsync(await _client.GetAsync("/api/samples/documents/"));

        var numbers = list.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("number").GetString()).ToList();
        Assert.Equal(["000", "001", "002", "003", "004"], numbers);
        var first = list.GetProperty("pairs")[0];
        Assert.Equal(("001", "002"), (first.GetProperty("parent").GetString(), first.GetProperty("child").GetString()));
        var xiaoyi = await _client.GetAsync("/api/samples/documents/002");
        Assert.Equal("text/plain", xiaoyi.Content.Headers.ContentType?.MediaType);
        Assert.Contains("孝政办发〔2022〕24号", await xiaoyi.Content.ReadAsStringAsync());
        var missing = await _client.GetAsync("/api/samples/documents/999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("可用的有 000、001", (await Json.ReadAsync(missing)).GetProperty("detail").GetString());
    }
}
