using Microsoft.AspNetCore.SignalR;

namespace GovOpenness.Server.Live;

/// <summary>
/// Sends to one connection, at most one send in flight. While a send is pending (the viewer reads
/// slowly or not at all, SignalR's buffer for it is full) newer summaries replace older ones of the same
/// body, so what waits is bounded by the bodies this viewer watches, and nobody else waits: a SignalR
/// group send would await every member's write, so one stalled viewer would hold up its whole group.
/// A batch that finds nothing waiting goes out as its group made it, serialized once for all members;
/// only batches that had to be merged for this viewer are serialized for it alone.
/// </summary>
internal sealed class ConnectionSender
{
    private readonly string _connectionId;
    private readonly IHubContext<CascadeHub, ICascadeClient> _hub;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private SummaryBatch? _waiting;
    private Dictionary<(string BodyId, int Year), LiveSummaryMessage>? _merged;
    private bool _running;
    private long _sendingSince;

    public ConnectionSender(string connectionId, IHubContext<CascadeHub, ICascadeClient> hub, TimeProvider time, ILogger logger) =>
        (_connectionId, _hub, _time, _logger) = (connectionId, hub, time, logger);

    /// <summary>How long the send in flight has been waiting (zero when none is).</summary>
    public TimeSpan Waiting
    {
        get
        {
            var since = Interlocked.Read(ref _sendingSince);
            return since == 0 ? TimeSpan.Zero : _time.GetElapsedTime(since);
        }
    }

    /// <summary>Queues the batch and, unless a send is in flight, starts sending on the caller's thread (it never blocks: SignalR's write completes or yields).</summary>
    public void Enqueue(SummaryBatch batch)
    {
        lock (_lock)
        {
            if (_waiting is null && _merged is null)
            {
                _waiting = batch;
            }
            else
            {
                _merged ??= [];
                if (_waiting is { } earlier)
                {
                    Merge(_merged, earlier.Messages);
                    _waiting = null;
                }

                Merge(_merged, batch.Messages);
            }

            if (_running)
            {
                return;
            }

            _running = true;
        }

        _ = DrainAsync();
    }

    private static void Merge(Dictionary<(string BodyId, int Year), LiveSummaryMessage> into, IReadOnlyList<LiveSummaryMessage> messages)
    {
        foreach (var message in messages)
        {
            var key = (message.BodyId, message.Year);
            if (!into.TryGetValue(key, out var queued) || !message.IsOlderThan(queued))
            {
                into[key] = message;
            }
        }
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            SummaryBatch? batch;
            LiveSummaryMessage[]? merged = null;
            lock (_lock)
            {
                batch = _waiting;
                _waiting = null;
                if (batch is null && _merged is { Count: > 0 })
                {
                    merged = [.. _merged.Values];
                }

                _merged = null;
                if (batch is null && merged is null)
                {
                    _running = false;
                    return;
                }
            }

            await SendAsync(batch ?? SummaryBatch.Of(merged!));
        }
    }

    private async Task SendAsync(SummaryBatch batch)
    {
        Interlocked.Exchange(ref _sendingSince, _time.GetTimestamp());
        try
        {
            await _hub.Clients.Client(_connectionId).Summaries(batch);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _logger.LogWarning(e, "Sending {Count} summaries to connection {Connection} failed", batch.Messages.Count, _connectionId);
        }
        finally
        {
            Interlocked.Exchange(ref _sendingSince, 0);
        }
    }
}
