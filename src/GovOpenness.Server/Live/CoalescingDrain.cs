namespace GovOpenness.Server.Live;

/// <summary>
/// Holds the latest summary per body and year and drains them in batches with at most one drain running:
/// what arrives while a batch is being sent replaces older summaries of the same body and goes in the
/// next batch. The group throttle's queue (<see cref="GroupSender"/>); a connection's sender keeps its
/// own, which passes a group's batch on unchanged when nothing else waits.
/// </summary>
internal sealed class CoalescingDrain(Func<LiveSummaryMessage[], Task> sendBatch)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string BodyId, int Year), LiveSummaryMessage> _pending = [];
    private bool _running;

    public void Enqueue(IEnumerable<LiveSummaryMessage> messages)
    {
        lock (_lock)
        {
            foreach (var message in messages)
            {
                var key = (message.BodyId, message.Year);
                if (!_pending.TryGetValue(key, out var queued) || !message.IsOlderThan(queued))
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

        _ = Task.Run(DrainAsync);
    }

    private async Task DrainAsync()
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

            await sendBatch(batch);
        }
    }
}
