using GovOpenness.Server.Live;
using Microsoft.Extensions.DependencyInjection;
using System.Net;

namespace GovOpenness.Server.Tests;

/// <summary>Two servers (silo + hub each) in one cluster on PostgreSQL: pushes reach the viewers of both hosts.</summary>
public sealed class LiveClusterTests
{
    private static readonly string[] Bodies = ["3601", "3602", "3603", "3604", "3605", "3606"];

    [PostgresFact]
    public async Task Every_change_reaches_the_viewers_of_both_hosts_whichever_silo_records_it()
    {
        var postgres = PostgresFactAttribute.Require();
        var cluster = "live-" + Guid.NewGuid().ToString("N")[..8];
        var first = LiveServer.InCluster(postgres, cluster);
        var second = LiveServer.InCluster(postgres, cluster);
        await first.InitializeAsync();
        await second.InitializeAsync();
        try
        {
            await first.WaitForActiveSilosAsync(2);
            await second.WaitForActiveSilosAsync(2);

            // The second silo may have taken the registry over as it joined: the first host re-registers
            // with it within its check interval. Steps start once both silos send to both hosts.
            await first.WaitForLiveHostsAsync(2);
            await second.WaitForLiveHostsAsync(2);
            var plan = """{"year":2032,"title":"集群推送测试","items":[{"id":"1","heading":"公开预算","text":"公开预算决算","deadlines":[{"text":"11月底前","kind":"by","date":"2032-11-30"}],"units":["财政厅"]}]}""";
            var published = await PostHonouringRetryAfterAsync(first.Client, "/api/bodies/36/plans", plan);
            Assert.True(published.StatusCode == HttpStatusCode.Created, $"{(int)published.StatusCode}: {await published.Content.ReadAsStringAsync()}");
            await using var onFirst = await first.ConnectAsync();
            await using var onSecond = await second.ConnectAsync();
            foreach (var body in Bodies)
            {
                await onFirst.SubscribeAsync(body, 2032);
                await onSecond.SubscribeAsync(body, 2032);
            }

            // Steps posted alternately through both servers; the progress grains live on either silo.
            for (var i = 0; i < Bodies.Length; i++)
            {
                var through = i % 2 == 0 ? first : second;
                var response = await PostHonouringRetryAfterAsync(through.Client, $"/api/bodies/{Bodies[i]}/progress", """{"year":2032,"itemId":"1","step":"acknowledged"}""");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            foreach (var body in Bodies)
            {
                await onFirst.WaitForAsync(s => s.BodyId == body && s.Count("itemsAcknowledged") == 1, $"第一台主机的观看者收到 {body} 的签收");
                await onSecond.WaitForAsync(s => s.BodyId == body && s.Count("itemsAcknowledged") == 1, $"第二台主机的观看者收到 {body} 的签收");
            }
        }
        finally
        {
            await second.DisposeAsync();
            await first.DisposeAsync();
        }
    }

    [PostgresFact]
    public async Task A_host_that_joins_a_running_cluster_gets_pushes_as_soon_as_it_is_ready()
    {
        // A host's registration completes only once every silo's copy knows it, and /health/ready (here
        // Registered) waits for that: the joining host's viewers get every push from its first second.
        var postgres = PostgresFactAttribute.Require();
        var cluster = "join-" + Guid.NewGuid().ToString("N")[..8];
        var first = LiveServer.InCluster(postgres, cluster);
        await first.InitializeAsync();
        await first.Services.GetRequiredService<LiveRegistration>().Registered.WaitAsync(TimeSpan.FromSeconds(60));
        LiveServer? second = null;
        try
        {
            var plan = """{"year":2033,"title":"加入推送测试","items":[{"id":"1","heading":"公开预算","text":"公开预算决算","deadlines":[{"text":"11月底前","kind":"by","date":"2033-11-30"}],"units":["财政厅"]},{"id":"2","heading":"公开决算","text":"公开决算","deadlines":[{"text":"11月底前","kind":"by","date":"2033-11-30"}],"units":["财政厅"]}]}""";
            Assert.Equal(HttpStatusCode.Created, (await PostHonouringRetryAfterAsync(first.Client, "/api/bodies/36/plans", plan)).StatusCode);
            await first.Client.WaitSettledAsync(); // delivered before steps are posted

            // The lone host's viewer gets pushes.
            await using var onFirst = await first.ConnectAsync();
            await onFirst.SubscribeAsync(Bodies[0], 2033);
            Assert.Equal(HttpStatusCode.OK, (await PostHonouringRetryAfterAsync(first.Client, $"/api/bodies/{Bodies[0]}/progress", """{"year":2033,"itemId":"1","step":"acknowledged"}""")).StatusCode);
            await onFirst.WaitForAsync(s => s.BodyId == Bodies[0] && s.Count("itemsAcknowledged") == 1, "第一台主机的观看者收到签收");

            second = LiveServer.InCluster(postgres, cluster);
            await second.InitializeAsync();
            await second.WaitForActiveSilosAsync(2);
            await first.WaitForActiveSilosAsync(2);
            await second.Services.GetRequiredService<LiveRegistration>().Registered.WaitAsync(TimeSpan.FromSeconds(60));

            await using var onSecond = await second.ConnectAsync();
            foreach (var body in Bodies)
            {
                await onSecond.SubscribeAsync(body, 2033);
            }

            // Steps through the first host: their progress grains live on either silo, so some pushes leave
            // from the first silo's notifiers, which knew only the first host before the second registered.
            foreach (var body in Bodies)
            {
                var response = await PostHonouringRetryAfterAsync(first.Client, $"/api/bodies/{body}/progress", """{"year":2033,"itemId":"2","step":"acknowledged"}""");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            foreach (var body in Bodies)
            {
                var expected = body == Bodies[0] ? 2 : 1;
                await onSecond.WaitForAsync(s => s.BodyId == body && s.Count("itemsAcknowledged") == expected, $"新加入主机的观看者收到 {body} 的签收");
            }
        }
        finally
        {
            if (second is not null)
            {
                await second.DisposeAsync();
            }

            await first.DisposeAsync();
        }
    }

    /// <summary>
    /// Posts while the cluster settles its membership: a 503 (transient, with Retry-After) is answered by
    /// waiting for the server's own signal that its pipeline has settled, then posting again, a bounded
    /// number of times — never by sleeping.
    /// </summary>
    private static async Task<HttpResponseMessage> PostHonouringRetryAfterAsync(HttpClient client, string url, string json)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await client.PostAsync(url, Json.Body(json));
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 5)
            {
                return response;
            }

            (await client.GetAsync("/health/settled?wait=30")).Dispose();
        }
    }
}
