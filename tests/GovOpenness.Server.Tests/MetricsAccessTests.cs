using System.Net;
using System.Net.Http.Json;

namespace GovOpenness.Server.Tests;

/// <summary>/metrics is anonymous for scrapers and says nothing about any body; a configured token closes it.</summary>
[Collection(SeededServerCollection.Name)]
public sealed class MetricsAccessTests(SeededServer server)
{
    [Fact]
    public async Task AnonymousMetricsNameNoBody()
    {
        // Traffic about named bodies first: a per-body tag would show them.
        Assert.Equal(HttpStatusCode.OK, (await server.Client.PostAsJsonAsync("/api/bodies/141181/progress",
            new { year = 2022, itemId = "1.1", step = "acknowledged", requestId = Guid.NewGuid().ToString("N") })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/api/bodies/1411/summary?year=2022")).StatusCode);
        using var scraper = server.Factory.CreateAnonymousClient();

        var response = await scraper.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("govopenness_journal_records", text);
        // Label values are quoted in the Prometheus text: a body id as a label would read "141181".
        foreach (var leak in new[] { "\"141181\"", "\"1411\"", "\"14\"", "孝义", "吕梁", "山西" })
        {
            Assert.DoesNotContain(leak, text, StringComparison.Ordinal);
        }
    }
}

/// <summary>GovOpenness:Metrics:Token set: a scrape needs that bearer token.</summary>
public sealed class MetricsTokenTests : IAsyncLifetime
{
    private readonly string _data = TempFolder.Create("govopenness-metrics");
    private ServerFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new ServerFactory(_data, seed: false, settings: new Dictionary<string, string> { ["GovOpenness:Metrics:Token"] = "scrape-secret-0123456789" });
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AScrapeWithoutTheConfiguredTokenIs401AndWithItPasses()
    {
        using var client = _factory.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/metrics")).StatusCode);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        wrong.Headers.Authorization = new("Bearer", "scrape-secret-0123456788");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(wrong)).StatusCode);

        using var right = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        right.Headers.Authorization = new("Bearer", "scrape-secret-0123456789");
        var response = await client.SendAsync(right);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("orleans_", await response.Content.ReadAsStringAsync());
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        TempFolder.Delete(_data);
    }
}

/// <summary>
/// Two servers in one process (as in these tests, or two silos hosted together): one stopping must not
/// silence the other's instruments (OpenTelemetry stops every stream of a disposed meter's key).
/// </summary>
public sealed class MetricsBesideAnotherHostTests : IAsyncLifetime
{
    private readonly string _kept = TempFolder.Create("govopenness-metrics-kept");
    private readonly string _stopped = TempFolder.Create("govopenness-metrics-stopped");
    private ServerFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new ServerFactory(_kept, seed: false);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_host_stopping_beside_it_leaves_its_own_metrics()
    {
        // The other host starts first, so its instruments are the ones each provider saw first.
        var other = new ServerFactory(_stopped, seed: false);
        using (var otherScraper = other.CreateAnonymousClient())
        {
            Assert.Contains("govopenness_journal_records", await otherScraper.GetStringAsync("/metrics"));
        }

        using var scraper = _factory.CreateAnonymousClient();
        Assert.Contains("govopenness_journal_records", await scraper.GetStringAsync("/metrics"));
        await other.DisposeAsync();

        Assert.Contains("govopenness_journal_records", await scraper.GetStringAsync("/metrics"));
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        TempFolder.Delete(_kept);
        TempFolder.Delete(_stopped);
    }
}
