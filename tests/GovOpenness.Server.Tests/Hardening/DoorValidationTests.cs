using System.Net;
using System.Text.Json;

namespace GovOpenness.Server.Tests.Hardening;

/// <summary>
/// Issue 10's cases of input that broke or silently changed data, pinned: each is now a 400 naming the
/// field in Chinese (no .NET type names, no echo of the input), and the stored plans read the same after.
/// </summary>
[Collection(SeededServerCollection.Name)]
public sealed class DoorValidationTests(SeededServer server)
{
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task APlanItemWithoutDeadlinesIsRefusedAndNothingIsStored()
    {
        var response = await _client.PostAsync("/api/bodies/15/plans", Json.Body(
            """{"year":2022,"title":"无期限","items":[{"id":"1","heading":"标题","text":"内容","units":[]}]}"""));

        await AssertFieldProblemAsync(response, "items[0].deadlines", "缺少必填字段");
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/bodies/15/plans/2022")).StatusCode);
        Assert.NotEqual(HttpStatusCode.InternalServerError, (await _client.GetAsync("/api/bodies/15/summary?year=2022")).StatusCode);
    }

    [Fact]
    public async Task AnAddedItemWithoutDeadlinesOrUnitsIsRefusedAndThePlanIsUnchanged()
    {
        var before = await PlanAsync("141181");

        var response = await _client.PostAsync("/api/bodies/141181/plans/2022/localize", Json.Body(
            """{"changes":[{"itemId":"X-1","added":{"id":"X-1","heading":"本级新增","text":"本级新增事项"}}]}"""));

        var problem = await AssertFieldProblemAsync(response, "changes[0].added.deadlines", "缺少必填字段");
        Assert.Contains("changes[0].added.units", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await PlanAsync("141181"));
    }

    [Fact]
    public async Task ANullChangeIsRefused()
    {
        var before = await PlanAsync("141181");

        await AssertFieldProblemAsync(await _client.PostAsync("/api/bodies/141181/plans/2022/localize", Json.Body("""{"changes":[null]}""")),
            "changes[0]", "不能为 null");
        Assert.Equal(before, await PlanAsync("141181"));
    }

    [Fact]
    public async Task ANullPlanItemIsRefused()
    {
        await AssertFieldProblemAsync(await _client.PostAsync("/api/bodies/15/plans", Json.Body("""{"year":2022,"items":[null]}""")),
            "items[0]", "不能为 null");
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/bodies/15/plans/2022")).StatusCode);
    }

    [Fact]
    public async Task AMisspeltKeyIsRefusedAndTheChangesAreKept()
    {
        var before = await DiffAsync("141181");
        Assert.NotEmpty(before.GetProperty("entries").EnumerateArray());

        var response = await _client.PostAsync("/api/bodies/141181/plans/2022/localize", Json.Body(
            """{"chnages":[{"itemId":"2.1","units":["市政务服务中心"]}]}"""));

        await AssertFieldProblemAsync(response, "chnages", "未知字段");
        Assert.Equal(before.GetRawText(), (await DiffAsync("141181")).GetRawText());
    }

    [Theory]
    [InlineData("""{"changes":[{"itemId":"2.1","deadline":{"text":"7月底前","kind":"soon","date":"2022-07-31"}}]}""", "changes[0].deadline.kind", "期限类型无效")]
    [InlineData("""{"changes":[{"itemId":"2.1","deadline":{"text":"7月底前","kind":1,"date":"2022-07-31"}}]}""", "changes[0].deadline.kind", "期限类型无效")]
    [InlineData("""{"changes":[{"itemId":"2.1","deadline":{"text":"7月底前","kind":"by","date":"2022-07-32"}}]}""", "changes[0].deadline.date", "日期格式不对")]
    [InlineData("""{"changes":[{"itemId":"2.1","deadline":{"text":"7月底前","kind":"by","date":"2022-07-31"},"deadlineIndex":-1}]}""", "changes[0].deadlineIndex", "超出范围")]
    [InlineData("""{"changes":[{"itemId":"2.1","units":["a"],"dropReason":"不涉及"}]}""", "changes[0]", "只能包含")]
    [InlineData("""{"changes":[{"itemId":null,"units":["a"]}]}""", "changes[0].itemId", "不能为 null")]
    [InlineData("""{"changes":[],"policy":{"deadlineWorkingDaysBefore":"5"}}""", "policy.deadlineWorkingDaysBefore", "应为整数")]
    [InlineData("""{"changes":[],"policy":{"deadlineWorkingDaysBefore":500}}""", "policy.deadlineWorkingDaysBefore", "超出范围")]
    [InlineData("""{"changes":{}}""", "changes", "应为数组")]
    public async Task ABadValueIsA400NamingTheField(string json, string field, string reason)
    {
        var before = await PlanAsync("141181");

        await AssertFieldProblemAsync(await _client.PostAsync("/api/bodies/141181/plans/2022/localize", Json.Body(json)), field, reason);
        Assert.Equal(before, await PlanAsync("141181"));
    }

    [Theory]
    [InlineData("""{"year":2022,"itemId":"2.1","step":"done"}""", "step")]
    [InlineData("""{"year":2022,"itemId":"2.1","step":"reported","evidence":["javascript:alert(1)"]}""", "evidence[0]")]
    [InlineData("""{"year":2022,"itemId":"2.1","step":"inProgress","percent":101}""", "percent")]
    [InlineData("""{"year":1900,"itemId":"2.1","step":"acknowledged"}""", "year")]
    [InlineData("""{"itemId":"2.1","step":"acknowledged"}""", "year")]
    public async Task ABadProgressStepIsA400NamingTheField(string json, string field)
    {
        var response = await _client.PostAsync("/api/bodies/141181/progress", Json.Body(json));

        await AssertFieldProblemAsync(response, field, "");
    }

    [Theory]
    [InlineData("/api/bodies/14/children/summaries?year=2022&skip=abc")]
    [InlineData("/api/bodies/14/summary/explain?year=2022.5")]
    [InlineData("/api/bodies/14/progress?year=")]
    public async Task AQueryValueThatDoesNotBindIsA400InChinese(string path)
    {
        var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Json.ReadAsync(response);
        Assert.Equal("请求内容有误", problem.GetProperty("title").GetString());
        Assert.DoesNotContain("Int32", problem.GetRawText());
    }

    [Fact]
    public async Task AHugeUnknownKeyIsNotEchoed()
    {
        var key = new string('键', 100_000);

        var response = await _client.PostAsync("/api/bodies/141181/plans/2022/localize", Json.Body($$"""{"{{key}}":1,"changes":[]}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadAsStringAsync()).Length < 2_000);
    }

    [Fact]
    public async Task JsonEndpointsTakeOnlyJson()
    {
        var before = await PlanAsync("141181");

        var response = await _client.PostAsync("/api/bodies/141181/plans/2022/localize",
            new StringContent("""{"changes":[]}""", System.Text.Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(before, await PlanAsync("141181"));
    }

    private static async Task<JsonElement> AssertFieldProblemAsync(HttpResponseMessage response, string field, string reason)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Json.ReadAsync(response);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"no error for {field}: {detail}");
        Assert.Contains(reason, messages[0].GetString());
        Assert.DoesNotContain("System.", detail);
        Assert.DoesNotContain("GovOpenness.", detail);
        Assert.Equal("请求内容有误", problem.GetProperty("title").GetString());
        return problem;
    }

    private async Task<string> PlanAsync(string id) => await _client.GetStringAsync($"/api/bodies/{id}/plans/2022");

    private async Task<JsonElement> DiffAsync(string id) => await Json.ReadAsync(await _client.GetAsync($"/api/bodies/{id}/plans/2022/diff"));
}
