using System.Net;

namespace GovOpenness.Server.Tests;

/// <summary>GET /health/settled: the pipeline's readiness signal over HTTP.</summary>
[Collection(SeededServerCollection.Name)]
public sealed class SettledApiTests(SeededServer server)
{
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task AfterProgressIsPostedTheServerSaysWhenItHasSettledAndNothingIsPending()
    {
        var plan = """
            {"year":2029,"title":"稳定测试","items":[
              {"id":"1","heading":"公开预算","text":"公开预算决算","deadlines":[{"text":"11月底前","kind":"by","date":"2029-11-30"}],"units":["财政厅"]}]}
            """;
        Assert.Equal(HttpStatusCode.Created, (await _client.PostAsync("/api/bodies/23/plans", Json.Body(plan))).StatusCode);
        var posted = await _client.PostAsync("/api/bodies/2301/progress", Json.Body("""{"year":2029,"itemId":"1","step":"acknowledged","requestId":"settled-1"}"""));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);

        var response = await _client.GetAsync("/health/settled?wait=60");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await Json.ReadAsync(response);
        Assert.True(report.GetProperty("settled").GetBoolean());
        Assert.Empty(report.GetProperty("pending").EnumerateArray());

        // Settled means the parent already counts the child's step.
        var summary = await Json.ReadAsync(await _client.GetAsync("/api/bodies/23/summary?year=2029"));
        Assert.Equal(1, summary.GetProperty("summary").GetProperty("counts").GetProperty("itemsAcknowledged").GetInt64());
    }

    [Fact]
    public async Task AWaitOutOfRangeIsRefusedInChinese()
    {
        var response = await _client.GetAsync("/health/settled?wait=500");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("wait“500”无效", (await Json.ReadAsync(response)).GetProperty("detail").GetString());
    }
}
