using Microsoft.AspNetCore.SignalR;

namespace GovOpenness.Server.Live;

/// <summary>
/// Sends to one connection, at most one send in flight. While a send is pending (the viewer reads
/// slowly or not at all, SignalR's buffer for it is full) newer summaries replace older ones of the same
/// body, so what waits is bounded by the bodies this viewer watches, and nobody else waits: a SignalR
/// group send would await every member's write, so one stalled viewer would hold up its whole group.
/// </summary>
internal sealed class ConnectionSender
{
    private readonly string _connectionId;
    private readonly IHubContext<CascadeHub, ICascadeClient> _hub;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CoalescingDrain _drain;
    private long _sendingSince;

    public ConnectionSender(string connectionId, IHubContext<CascadeHub, ICascadeClient> hub, TimeProvider time, ILogger logger)
    {
        (_connectionId, _hub, _time, _logger) = (connectionId, hub, time, logger);
        _drain = new CoalescingDrain(SendAsync);
    }

    /// <summary>How long the send in flight has been waiting (zero when none is).</summary>
    public TimeSpan Waiting
    {
        get
        {
            var since = Interlocked.Read(ref _sendingSince);
            return since == 0 ? TimeSpan.Zero : _time.GetElapsedTime(since);
        }
    }

    public void Enqueue(IReadOnlyList<LiveSummaryMessage> batch) => _drain.Enqueue(batch);

    private async Task SendAsync(LiveSummaryMessage[] batch)
    {
        Interlocked.Exchange(ref _sendingSince, _time.GetTimestamp());
        try
        {
            await _hub.Clients.Client(_connectionId).Summaries(batch);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _logger.LogWarning(e, "Sending {Count} summaries to connection {Connection} failed", batch.Length, _connectionId);
        }
        finally
        {
            Interlocked.Exchange(ref _sendingSince, 0);
        }
    }
}
