namespace GovOpenness.Server.Live;

/// <summary>
/// Sends one group's summaries: the first change after a quiet spell goes at once, then at most one
/// batch per interval, holding only the latest summary per body meanwhile. A batch is handed to each
/// member's <see cref="ConnectionSender"/>, which never blocks: a slow viewer holds up only itself.
/// </summary>
internal sealed class GroupSender(string group, LiveGroups groups, Func<string, ConnectionSender?> connection, TimeSpan interval, TimeProvider time)
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

            foreach (var member in groups.Members(group))
            {
                connection(member)?.Enqueue(batch);
            }

            await Task.Delay(interval, time);
        }
    }
}
