using System.Globalization;
using GovOpenness.Abstractions;
using Microsoft.AspNetCore.SignalR;

namespace GovOpenness.Server.Live;

/// <summary>
/// /hubs/cascade: a viewer subscribes to a body and year, receives the body's current summary at once,
/// then the body's and its direct children's summaries as they change (client method "summaries").
/// </summary>
public sealed class CascadeHub(IGrainFactory grains, LiveGroups groups, SummaryBroadcaster broadcaster, TimeProvider time) : Hub<ICascadeClient>
{
    private const string JoinedKey = "joined";

    public async Task Subscribe(string bodyId, int year)
    {
        if (string.IsNullOrWhiteSpace(bodyId))
        {
            throw new HubException("订阅失败：机构编号不能为空");
        }

        if (year is < 1990 or > 2100)
        {
            throw new HubException(string.Create(CultureInfo.InvariantCulture, $"订阅失败：年度“{year}”无效，应在 1990 至 2100 之间"));
        }

        var info = await grains.GetGrain<IBodyGrain>(bodyId).GetInfoAsync()
            ?? throw new HubException($"订阅失败：机构“{bodyId}”不存在");

        foreach (var group in new[] { LiveGroups.OfBody(bodyId, year), LiveGroups.OfChildren(bodyId, year) })
        {
            if (Joined.Add(group))
            {
                groups.Joined(group);
                await Groups.AddToGroupAsync(Context.ConnectionId, group);
            }
        }

        // After joining, so a change between this read and the first push is not lost; the viewer keeps
        // the newer of the two by pushedAt.
        var summary = await grains.GetGrain<IProgressGrain>(IProgressGrain.Key(bodyId, year)).GetSummaryAsync();
        if (summary.Value is { } view)
        {
            await Clients.Caller.Summaries([LiveSummaryMessage.Current(bodyId, info.ParentId, year, view, time.GetUtcNow())]);
        }
    }

    public async Task Unsubscribe(string bodyId, int year)
    {
        foreach (var group in new[] { LiveGroups.OfBody(bodyId, year), LiveGroups.OfChildren(bodyId, year) })
        {
            if (Joined.Remove(group))
            {
                Leave(group);
                await Groups.RemoveFromGroupAsync(Context.ConnectionId, group);
            }
        }
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        // SignalR drops the connection from its groups itself; only our counts need updating.
        foreach (var group in Joined)
        {
            Leave(group);
        }

        Joined.Clear();
        return base.OnDisconnectedAsync(exception);
    }

    private HashSet<string> Joined =>
        (HashSet<string>)(Context.Items.TryGetValue(JoinedKey, out var set) ? set! : Context.Items[JoinedKey] = new HashSet<string>());

    private void Leave(string group)
    {
        if (groups.Left(group))
        {
            broadcaster.Forget(group);
        }
    }
}
