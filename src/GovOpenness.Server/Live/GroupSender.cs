using Microsoft.AspNetCore.SignalR;

namespace GovOpenness.Server.Live;

/// <summary>
/// Sends one group's summaries: the first change after a quiet spell goes at once, then at most one
/// batch per interval, holding only the latest summary per body meanwhile. At most one send is in
/// flight per group, and no group waits for another: a slow viewer delays its own group's next batch
/// (which keeps coalescing), never the rest.
/// </summary>
internal sealed class GroupSender(string group, IHubContext<CascadeHub, ICascadeClient> hub, TimeSpan interval, TimeProvider time, ILogger logger)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LiveSummaryMessage> _pending = [];
    private bool _running;

    public void Enqueue(LiveSummaryMessage message)
    {
        lock (_lock)
        {
            if (_pending.TryGetValue(message.BodyId, out var queued) && queued.PushedAt > message.PushedAt)
            {
                return;
            }

            _pending[message.BodyId] = message;
            if (_running)
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

                var sentAt = LiveSummaryMessage.UnixMilliseconds(time.GetUtcNow());
                batch = [.. _pending.Values.Select(m => m with { SentAt = sentAt })];
                _pending.Clear();
            }

            try
            {
                await hub.Clients.Group(group).Summaries(batch);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                logger.LogWarning(e, "Sending {Count} summaries to {Group} failed", batch.Length, group);
            }

            await Task.Delay(interval, time);
        }
    }
}
