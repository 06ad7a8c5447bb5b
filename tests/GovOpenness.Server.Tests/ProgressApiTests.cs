using System.Net;

namespace GovOpenness.Server.Tests;

[Collection(SeededServerCollection.Name)]
public sealed class ProgressApiTests(SeededServer server)
{
    private readonly HttpClient _client = server.Client;

    private async Task PublishAsync(string bodyId, int year)
    {
        var plan = $$"""
            {"year":{{year}},"title":"进度测试","items":[
              {"id":"1","heading":"公开预算","text":"公开预算决算","deadlines":[{"text":"11月底前","kind":"by","date":"{{year}}-11-30"}],"units":["财政厅"]},
              {"id":"2","heading":"开放日","text":"办好政府开放日活动","deadlines":[{"text":"持续推进","kind":"ongoing"}],"units":["各部门"]}]}
            """;
        var response = await _client.PostAsync($"/api/bodies/{bodyId}/plans", Json.Body(plan));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task PostedProgressShowsInTheParentsSummary()
    {
        await PublishAsync("22", 2027);

        var posted = await _client.PostAsync("/api/bodies/2201/progress", Json.Body("""{"year":2027,"itemId":"1","step":"acknowledged","requestId":"t1"}"""));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);

        // The child flushes on its timer (1 s by default): wait for the silo to say it has settled, then read once.
        await _client.WaitSettledAsync();
        var summary = await Json.ReadAsync(await _client.GetAsync("/api/bodies/22/summary?year=2027"));
        var acknowledged = summary.GetProperty("summary").GetProperty("counts").GetProperty("itemsAcknowledged").GetInt64();

        Assert.Equal(1, acknowledged);
        var explained = await Json.ReadAsync(await _client.GetAsync("/api/bodies/22/summary/explain?year=2027&figure=itemsAcknowledged"));
        Assert.Contains(explained.GetProperty("parts").EnumerateArray(), p => p.GetProperty("id").GetString() == "2201");
    }

    [Fact]
    public async Task UnknownStepIsAProblemInChinese()
    {
        var response = await _client.PostAsync("/api/bodies/2301/progress", Json.Body("""{"year":2027,"itemId":"1","step":"finished"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("无效", (await Json.ReadAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ReportBeforeAcknowledgingIsAConflictWithTheDomainsMessage()
    {
        await PublishAsync("23", 2028);

        var response = await _client.PostAsync("/api/bodies/2301/progress", Json.Body("""{"year":2028,"itemId":"1","step":"reported"}"""));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("请先签收", (await Json.ReadAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ProgressOfAnUnknownBodyIsNotFound()
    {
        var response = await _client.PostAsync("/api/bodies/99999999/progress", Json.Body("""{"year":2027,"itemId":"1","step":"acknowledged"}"""));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
