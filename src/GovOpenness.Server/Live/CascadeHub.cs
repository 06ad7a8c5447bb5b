using GovOpenness.Abstractions;
using GovOpenness.Domain.Calendar;
using GovOpenness.Server.Accounts;
using GovOpenness.Server.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace GovOpenness.Server.Live;

/// <summary>
/// /hubs/cascade: a viewer subscribes to a body and year, receives the body's current summary at once,
/// then the body's and its direct children's summaries as they change (client method "summaries"), and
/// a notice whenever a 催办 reaches the body's 待办 (client method "inbox").
/// </summary>
/// <remarks>Signed-in accounts only; a subscription outside what the account may read is refused, and a
/// connection holds at most GovOpenness:Auth:MaxSubscriptionsPerConnection bodies at once.</remarks>
[Authorize]
public sealed class CascadeHub(
    IGrainFactory grains, LiveGroups groups, SummaryBroadcaster broadcaster, LiveRegistration registration, TimeProvider time,
    BodyAncestry ancestry, IAuthorizationService authorization, IOptions<AuthOptions> auth, ILogger<CascadeHub> logger) : Hub<ICascadeClient>
{
    private const string JoinedKey = "joined";

    public async Task Subscribe(string bodyId, int year)
    {
        if (string.IsNullOrWhiteSpace(bodyId))
        {
            throw new HubException("订阅失败：机构编号不能为空");
        }

        if (PlanYears.Problem(year) is { } yearProblem)
        {
            throw new HubException($"订阅失败：{yearProblem}");
        }

        if (!(await authorization.AuthorizeAsync(Context.User!, await ancestry.ResolveAsync(bodyId), new BodyRequirement(BodyOperation.Read))).Succeeded)
        {
            throw new HubException($"订阅失败：账号无权查看机构“{bodyId}”");
        }

        if (!Joined.Contains(LiveGroups.OfBody(bodyId, year)) && Joined.Count(g => g.StartsWith("body:", StringComparison.Ordinal)) >= auth.Value.MaxSubscriptionsPerConnection)
        {
            throw new HubException($"订阅失败：每个连接最多同时订阅{auth.Value.MaxSubscriptionsPerConnection}个机构，请先取消其他订阅");
        }

        var info = await grains.GetGrain<IBodyGrain>(bodyId).GetInfoAsync()
            ?? throw new HubException($"订阅失败：机构“{bodyId}”不存在");

        // Membership is kept in LiveGroups, not SignalR's groups: sends go connection by connection.
        broadcaster.Connected(Context.ConnectionId);
        // The inbox group is joined with the body's first year and left with its last (see Unsubscribe):
        // membership is checked here, by the same read permission as GET …/inbox.
        foreach (var group in new[] { LiveGroups.OfBody(bodyId, year), LiveGroups.OfChildren(bodyId, year), LiveGroups.OfInbox(bodyId) })
        {
            if (Joined.Add(group))
            {
                groups.Joined(group, Context.ConnectionId);
            }
        }

        // Silos push only what somebody watches: the read below waits until every silo knows this body.
        // Should the registry not answer, the viewer still gets the current summary, and the body is sent
        // again with this host's next renewal.
        try
        {
            await registration.WatchAsync(bodyId, year);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning(e, "Telling the silos that {Body}/{Year} is watched failed; it is sent again with the next renewal", bodyId, year);
        }

        // After joining and watching, so a change between this read and the first push is not lost; the
        // viewer keeps the newer of the two by pushedAt.
        var summary = await grains.GetGrain<IProgressGrain>(IProgressGrain.Key(bodyId, year)).GetSummaryAsync();
        if (summary.Value is { } view)
        {
            await Clients.Caller.Summaries(SummaryBatch.Of([LiveSummaryMessage.Current(bodyId, info.ParentId, year, view, time.GetUtcNow())]));
        }
    }

    public Task Unsubscribe(string bodyId, int year)
    {
        foreach (var group in new[] { LiveGroups.OfBody(bodyId, year), LiveGroups.OfChildren(bodyId, year) })
        {
            if (Joined.Remove(group))
            {
                Leave(group);
            }
        }

        var bodyPrefix = LiveGroups.OfBody(bodyId, 0)[..^1]; // "body:{id}/"
        if (!Joined.Any(g => g.StartsWith(bodyPrefix, StringComparison.Ordinal)) && Joined.Remove(LiveGroups.OfInbox(bodyId)))
        {
            groups.Left(LiveGroups.OfInbox(bodyId), Context.ConnectionId);
        }

        return Task.CompletedTask;
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var group in Joined)
        {
            Leave(group);
        }

        Joined.Clear();
        broadcaster.Disconnected(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    private HashSet<string> Joined =>
        (HashSet<string>)(Context.Items.TryGetValue(JoinedKey, out var set) ? set! : Context.Items[JoinedKey] = new HashSet<string>());

    private void Leave(string group)
    {
        if (groups.Left(group, Context.ConnectionId))
        {
            broadcaster.Forget(group);
        }
    }
}
