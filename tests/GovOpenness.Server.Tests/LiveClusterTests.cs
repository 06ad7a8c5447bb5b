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
