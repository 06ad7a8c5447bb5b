using Microsoft.AspNetCore.SignalR;

namespace GovOpenness.Server.Live;

/// <summary>
/// Sends to one connection, at most one send in flight. While a send is pending (the viewer reads
/// slowly or not at all, SignalR's buffer for it is full) newer summaries replace older ones of the same
/// body, so what waits is bounded by the bodies this viewer watches, and nobody else waits: a SignalR
/// group send would await every member's write, so one stalled viewer would hold up its whole group.
/// </summary>
internal sealed class ConnectionSender(string connectionId, IHubContext<CascadeHub, ICascadeClient> hub, TimeProvider time, ILogger logger)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string BodyId, int Year), LiveSummaryMessage> _pending = [];
    private bool _running;
    private long _sendingSince;

    /// <summary>How long the send in flight has been waiting (zero when none is).</summary>
    public TimeSpan Waiting
    {
        get
        {
            var since = Interlocked.Read(ref _sendingSince);
            return since == 0 ? TimeSpan.Zero : time.GetElapsedTime(since);
        }
    }

    public void Enqueue(IReadOnlyList<LiveSummaryMessage> batch)
    {
        lock (_lock)
        {
            foreach (var message in batch)
            {
                var key = (message.BodyId, message.Year);
                if (!_pending.TryGetValue(key, out var queued) || queued.PushedAt <= message.PushedAt)
                {
                    _pending[key] = message;
                }
            }

            if (_running || _pending.Count == 0)
            {
                return;
            }

            _running = true;
        }

        _ = Task.Run(RunAsync);
    }

    private async Task RunAsync()
    {
        while (true)
        {
            LiveSummaryMessage[] batch;
            lock (_lock)
            {
                if (_pending.Count == 0)
                {
                    _running = false;
                    return;
                }

                batch = [.. _pending.Values];
                _pending.Clear();
            }

            Interlocked.Exchange(ref _sendingSince, time.GetTimestamp());
            try
            {
                await hub.Clients.Client(connectionId).Summaries(batch);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                logger.LogWarning(e, "Sending {Count} summaries to connection {Connection} failed", batch.Length, connectionId);
            }
            finally
            {
                Interlocked.Exchange(ref _sendingSince, 0);
            }
        }
    }
}
