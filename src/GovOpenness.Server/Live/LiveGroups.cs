using System.Collections.Concurrent;
using System.Globalization;

namespace GovOpenness.Server.Live;

/// <summary>
/// SignalR groups and how many viewers are in each (SignalR does not say), so summaries of bodies
/// nobody watches are dropped here instead of queued. A body's summary goes to two groups: viewers of
/// the body itself, and viewers of its parent (who see their children change).
/// </summary>
public sealed class LiveGroups
{
    private readonly ConcurrentDictionary<string, int> _members = new();

    public static string OfBody(string bodyId, int year) => string.Create(CultureInfo.InvariantCulture, $"body:{bodyId}/{year}");

    public static string OfChildren(string parentId, int year) => string.Create(CultureInfo.InvariantCulture, $"children:{parentId}/{year}");

    /// <summary>The groups a body's summary is sent to.</summary>
    public static IEnumerable<string> For(string bodyId, string? parentId, int year)
    {
        yield return OfBody(bodyId, year);
        if (parentId is not null)
        {
            yield return OfChildren(parentId, year);
        }
    }

    public bool IsWatched(string group) => _members.TryGetValue(group, out var count) && count > 0;

    public void Joined(string group) => _members.AddOrUpdate(group, 1, (_, count) => count + 1);

    /// <summary>Returns true when the group became empty.</summary>
    public bool Left(string group)
    {
        var left = _members.AddOrUpdate(group, 0, (_, count) => Math.Max(0, count - 1));
        if (left == 0)
        {
            _members.TryRemove(KeyValuePair.Create(group, 0));
            return true;
        }

        return false;
    }
}
