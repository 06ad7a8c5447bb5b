using System.Net;

namespace GovOpenness.Server.Tests.Hardening;

/// <summary>The rate limiter on a server of its own with small limits.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly string _data = TempFolder.Create("govopenness-ratelimit");
    private ServerFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new ServerFactory(_data, seed: false, settings: new Dictionary<string, string>
        {
            ["GovOpenness:Http:RequestsPerMinute"] = "60",
            ["GovOpenness:Http:Burst"] = "5",
        });
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AClientBeyondItsBurstGetsA429ProblemInChinese()
    {
        var client = _factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        // The bucket holds 5 and refills 1 a second: 20 requests in a row cannot all pass.
        for (var i = 0; i < 20 && limited is null; i++)
        {
            var response = await client.GetAsync("/alive");
            statuses.Add(response.StatusCode);
            limited = response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.NotNull(limited);
        Assert.True(statuses.Count(s => s == HttpStatusCode.OK) >= 5, string.Join(",", statuses));
        Assert.Equal("请求过多", (await Json.ReadAsync(limited)).GetProperty("title").GetString());
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        TempFolder.Delete(_data);
    }
}
