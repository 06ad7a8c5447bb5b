namespace GovOpenness.Server.Live;

/// <summary>
/// Sends one group's summaries: the first change after a quiet spell goes at once, then at most one
/// batch per interval, holding only the latest summary per body meanwhile. A batch is serialized once and
/// handed to each member's <see cref="ConnectionSender"/>, which never blocks: a slow viewer holds up only itself.
/// </summary>
internal sealed class GroupSender
{
    private readonly string _group;
    private readonly LiveGroups _groups;
    private readonly Func<string, ConnectionSender?> _connection;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly CoalescingDrain _drain;

    public GroupSender(string group, LiveGroups groups, Func<string, ConnectionSender?> connection, TimeSpan interval, TimeProvider time)
    {
        (_group, _groups, _connection, _interval, _time) = (group, groups, connection, interval, time);
        _drain = new CoalescingDrain(SendAsync);
    }

    public void Enqueue(LiveSummaryMessage message) => _drain.Enqueue([message]);

    private async Task SendAsync(LiveSummaryMessage[] pending)
    {
        var sentAt = LiveSummaryMessage.UnixMilliseconds(_time.GetUtcNow());
        // Serialized here, once for every member.
        var batch = SummaryBatch.Of([.. pending.Select(m => m with { SentAt = sentAt })]);
        foreach (var member in _groups.Members(_group))
        {
            _connection(member)?.Enqueue(batch);
        }

        // The throttle: the next batch of this group waits one interval, coalescing meanwhile.
        await Task.Delay(_interval, _time);
    }
}
