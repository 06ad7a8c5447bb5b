using Microsoft.AspNetCore.SignalR.Client;

namespace GovOpenness.LiveBenchmark;

/// <summary>Many SignalR connections to one hub, each recording the latency of what it receives.</summary>
public sealed class Viewers(LatencyRecorder recorder) : IAsyncDisposable
{
    private readonly List<HubConnection> _connections = [];

    public IReadOnlyList<HubConnection> Connections => _connections;

    /// <summary>The last batch any viewer received (the baseline sends one of the same size).</summary>
    public IReadOnlyList<PushedSummary>? LastBatch { get; private set; }

    public long Batches;

    /// <param name="accessToken">The bearer token the connections sign in with (the cascade hub requires one); null for the baseline hub.</param>
    public async Task ConnectAsync(Uri hub, int count, Func<HubConnection, int, Task> afterConnect, string? accessToken = null)
    {
        using var gate = new SemaphoreSlim(32);
        var tasks = Enumerable.Range(0, count).Select(async index =>
        {
            await gate.WaitAsync();
            try
            {
                var connection = new HubConnectionBuilder().WithUrl(hub, o =>
                {
                    o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
                    o.AccessTokenProvider = () => Task.FromResult(accessToken);
                }).Build();
                connection.On<List<PushedSummary>>("Summaries", batch =>
                {
                    recorder.Record(batch);
                    Interlocked.Increment(ref Batches);
                    LastBatch = batch;
                });
                await connection.StartAsync();
                lock (_connections)
                {
                    _connections.Add(connection);
                }

                await afterConnect(connection, index);
            }
            finally
            {
                gate.Release();
            }
        });
        await Task.WhenAll(tasks);
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_connections.Select(c => c.DisposeAsync().AsTask()));
        _connections.Clear();
    }
}
