using System.Net;
using System.Net.Http.Headers;

namespace GovOpenness.Server.Tests.Hardening;

/// <summary>Concurrent editors: a plan write carries the version it was based on (If-Match); a stale one is a 409 saying what changed.</summary>
[Collection(SeededServerCollection.Name)]
public sealed class PlanVersionTests(SeededServer server)
{
    private const string Plan = "/api/bodies/141182/plans/2022";

    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task AWriteBasedOnAnOlderVersionIsAConflictSayingWhatChanged()
    {
        var read = await _client.GetAsync(Plan);
        var etag = read.Headers.ETag;
        Assert.NotNull(etag);

        var first = await LocalizeAsync("""{"changes":[{"itemId":"2.1","units":["汾阳市政务服务中心"]}]}""", etag);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotEqual(etag, first.Headers.ETag);

        // A second editor still holding the first read.
        var stale = await LocalizeAsync("""{"changes":[{"itemId":"2.1","units":["汾阳市人民政府办公室"]}]}""", etag);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("本级计划已被修改", (await Json.ReadAsync(stale)).GetProperty("detail").GetString());
        Assert.Equal(first.Headers.ETag, (await _client.GetAsync(Plan)).Headers.ETag);
        Assert.Contains("汾阳市政务服务中心", await _client.GetStringAsync(Plan));
    }

    private async Task<HttpResponseMessage> LocalizeAsync(string json, EntityTagHeaderValue etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Plan + "/localize") { Content = Json.Body(json) };
        request.Headers.IfMatch.Add(etag);
        return await _client.SendAsync(request);
    }
}
