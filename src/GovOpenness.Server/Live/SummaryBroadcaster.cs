using System.Collections.Concurrent;
using System.Collections.Immutable;
using GovOpenness.Abstractions.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace GovOpenness.Server.Live;

/// <summary>
/// This host's observer: receives batches from the notifiers of every silo and sends each summary to
/// this host's viewers of the body and of its parent, group by group, then connection by connection
/// (no backplane is needed: every host receives every batch and serves its own connections).
/// </summary>
public sealed class SummaryBroadcaster(
    IHubContext<CascadeHub, ICascadeClient> hub,
    LiveGroups groups,
    IOptions<LiveHubOptions> options,
    TimeProvider time,
    ILogger<SummaryBroadcaster> logger) : ISummaryObserver
{
    private readonly ConcurrentDictionary<string, GroupSender> _senders = new();
    private readonly ConcurrentDictionary<string, ConnectionSender> _connections = new();

    public Task OnSummariesAsync(ImmutableArray<SummaryPush> batch)
    {
        var now = time.GetUtcNow();
        foreach (var push in batch)
        {
            Operations.Telemetry.PushLatency.Record((now - push.PushedAt).TotalSeconds);
            LiveSummaryMessage? message = null;
            foreach (var group in LiveGroups.For(push.BodyId, push.ParentId, push.Year))
            {
                if (!groups.IsWatched(group))
                {
                    continue;
                }

                message ??= LiveSummaryMessage.From(push);
                _senders.GetOrAdd(group, name => new GroupSender(name, groups, Connection, options.Value.GroupSendInterval, time)).Enqueue(message);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Inbox notices (a 催办 arrived) to this host's viewers of each body. Rare and tiny, so each goes
    /// straight to each member connection, not awaited: a viewer that does not read holds up nobody.
    /// </summary>
    public Task OnInboxAsync(ImmutableArray<InboxPush> batch)
    {
        foreach (var push in batch)
        {
            var message = new InboxMessage(push.BodyId, push.Kind, LiveSummaryMessage.UnixMilliseconds(push.PushedAt));
            foreach (var connection in groups.Members(LiveGroups.OfInbox(push.BodyId)))
            {
                _ = SendInboxAsync(connection, message);
            }
        }

        return Task.CompletedTask;
    }

    private async Task SendInboxAsync(string connectionId, InboxMessage message)
    {
        try
        {
            await hub.Clients.Client(connectionId).Inbox(message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The viewer reads its inbox again when it reconnects; nothing is lost with this notice.
            logger.LogDebug(e, "An inbox notice to connection {Connection} failed", connectionId);
        }
    }

    /// <summary>How many of this host's connections have had a send pending for longer than <paramref name="wait"/> (viewers not reading).</summary>
    public int CountWaitingLongerThan(TimeSpan wait) => _connections.Values.Count(c => c.Waiting > wait);

    /// <summary>Connections with a sender on this host (a gauge for operators).</summary>
    public int ConnectionCount => _connections.Count;

    /// <summary>A connection subscribed: it gets its own sender (created here, never by a late batch, so none outlives its connection).</summary>
    public void Connected(string connectionId) =>
        _connections.GetOrAdd(connectionId, id => new ConnectionSender(id, hub, time, logger));

    public void Disconnected(string connectionId) => _connections.TryRemove(connectionId, out _);

    private ConnectionSender? Connection(string connectionId) => _connections.GetValueOrDefault(connectionId);

    /// <summary>The last viewer left the group: drop its sender (a late summary makes a new one).</summary>
    public void Forget(string group) => _senders.TryRemove(group, out _);
}
