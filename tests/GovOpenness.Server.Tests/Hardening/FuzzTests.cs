using System.Net;

namespace GovOpenness.Server.Tests.Hardening;

/// <summary>
/// A seeded fuzz run over real HTTP (Kestrel on a loopback port): 1,200 hostile requests across every
/// endpoint. None may answer 5xx, no write may succeed, and every table of the SQLite file reads the same
/// afterwards.
/// </summary>
public sealed class FuzzTests : IAsyncLifetime
{
    private const int Seed = 20261204;
    private const int Requests = 1_200;

    private readonly LiveServer _server = LiveServer.WithSettings(new Dictionary<string, string>
    {
        ["GovOpenness:Http:RequestsPerMinute"] = "6000000",
        ["GovOpenness:Http:SignInsPerMinute"] = "1000000",
        ["GovOpenness:Http:Burst"] = "1000000",
        ["GovOpenness:Http:CostlyConcurrent"] = "64",
        ["GovOpenness:MaxRequestBytes"] = "1048576",
    });

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task HostileRequestsNeverFailTheServerNorChangeStoredData()
    {
        await SettleAsync();
        var before = StoredData.Dump(_server.DataDirectory);

        var failures = new List<string>();
        var statuses = new Dictionary<HttpStatusCode, int>();
        foreach (var request in new HostileRequests(Seed).Take(Requests))
        {
            var what = $"{request.Method} {request.RequestUri}";
            var isWrite = request.Method != HttpMethod.Get;
            HttpResponseMessage response;
            try
            {
                response = await _server.Client.SendAsync(request);
            }
            catch (HttpRequestException e)
            {
                failures.Add($"no answer {what}: {e.Message}");
                continue;
            }

            using (response)
            {
                statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
                if ((int)response.StatusCode >= 500 || (isWrite && (int)response.StatusCode < 400))
                {
                    failures.Add($"{(int)response.StatusCode} {what}: {Shorten(await response.Content.ReadAsStringAsync())}");
                }
            }
        }

        await SettleAsync();
        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join("\n", failures.Take(20)));
        Assert.True(statuses.Values.Sum() == Requests, string.Join(", ", statuses.Select(s => $"{(int)s.Key}×{s.Value}")));
        Assert.Equal(before, StoredData.Dump(_server.DataDirectory));
    }

    /// <summary>The cluster says it has settled: deliveries acknowledged, milestone notes and roll-ups flushed.</summary>
    private async Task SettleAsync()
    {
        // Each call answers when the cluster settles or after 60 s; the sample cascade reaches ~1,500 bodies,
        // which on a loaded machine can take longer than one wait.
        var report = "";
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var response = await _server.Client.GetAsync("/health/settled?wait=60");
            report = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }
        }

        Assert.Fail("not settled after five waits: " + report);
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
