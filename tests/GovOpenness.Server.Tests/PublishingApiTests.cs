using System.Net;
using GovOpenness.Domain.Localization.Samples;

namespace GovOpenness.Server.Tests;

[Collection(SeededServerCollection.Name)]
public sealed class PublishingApiTests(SeededServer server)
{
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task DocumentTextIsParsedPublishedAndReachesThePrefectures()
    {
        var text = SampleCascade.LoadEmbedded().Plans.Single(p => p.Year == 2021).Text;

        var response = await _client.PostAsync("/api/bodies/15/plans", new StringContent(text, System.Text.Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var published = (await Json.ReadAsync(response)).GetProperty("plan");
        Assert.Equal(2021, published.GetProperty("year").GetInt32());
        var atPrefecture = await Json.ReadAsync(await _client.GetAsync("/api/bodies/1501/plans/2021"));
        Assert.Equal("15", atPrefecture.GetProperty("originBodyId").GetString());
        Assert.Equal(published.GetProperty("items").GetArrayLength(), atPrefecture.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task JsonPlanWithAPolicyTightensDeadlinesBelow()
    {
        var plan = """
            {"year":2026,"title":"测试计划","items":[
              {"id":"1","heading":"公开预算","text":"公开预算决算","deadlines":[{"text":"11月底前","kind":"by","date":"2026-11-30"}],"units":["财政厅"]}],
             "descendantPolicy":{"deadlineWorkingDaysBefore":5}}
            """;

        var response = await _client.PostAsync("/api/bodies/21/plans", Json.Body(plan));
        var diff = await Json.ReadAsync(await _client.GetAsync("/api/bodies/2101/plans/2026/diff"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var entry = Assert.Single(diff.GetProperty("entries").EnumerateArray());
        Assert.Equal("2026-11-30", entry.GetProperty("from").GetString());
        Assert.True(entry.GetProperty("byPolicy").GetBoolean());
    }

    [Fact]
    public async Task LocalizedDeadlineShowsAsFromAndToInTheDiff()
    {
        var plan = """
            {"year":2031,"title":"测试计划","items":[
              {"id":"1","heading":"公开规划","text":"公开规划信息","deadlines":[{"text":"11月底前","kind":"by","date":"2031-11-30"}],"units":["发展改革委"]}]}
            """;
        await _client.PostAsync("/api/bodies/22/plans", Json.Body(plan));

        var localized = await _client.PostAsync("/api/bodies/2201/plans/2031/localize",
            Json.Body("""{"changes":[{"itemId":"1","deadline":{"text":"7月底前","kind":"by","date":"2031-07-31"}}]}"""));
        var diff = await Json.ReadAsync(await _client.GetAsync("/api/bodies/2201/plans/2031/diff"));

        Assert.Equal(HttpStatusCode.OK, localized.StatusCode);
        var entry = Assert.Single(diff.GetProperty("entries").EnumerateArray());
        Assert.Equal(("deadline", "2031-11-30", "2031-07-31"),
            (entry.GetProperty("field").GetString(), entry.GetProperty("from").GetString(), entry.GetProperty("to").GetString()));
    }
}
