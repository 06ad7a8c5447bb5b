using System.Collections.Immutable;
using System.Globalization;

namespace GovOpenness.Server.Live;

/// <summary>
/// Which connections watch which group. Kept here rather than in SignalR's groups because sends go
/// connection by connection (<see cref="ConnectionSender"/>), and so summaries of bodies nobody watches
/// are dropped at once. A body's summary goes to two groups: viewers of the body itself, and viewers of
/// its parent (who see their children change).
/// </summary>
public sealed class LiveGroups
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ImmutableHashSet<string>> _members = [];

    public static string OfBody(string bodyId, int year) => string.Create(CultureInfo.InvariantCulture, $"body:{bodyId}/{year}");

    public static string OfChildren(string parentId, int year) => string.Create(CultureInfo.InvariantCulture, $"children:{parentId}/{year}");

    /// <summary>Viewers of a body in any year: its inbox notices (催办 are not per year).</summary>
    public static string OfInbox(string bodyId) => string.Create(CultureInfo.InvariantCulture, $"inbox:{bodyId}");

    /// <summary>The groups a body's summary is sent to.</summary>
    public static IEnumerable<string> For(string bodyId, string? parentId, int year)
    {
        yield return OfBody(bodyId, year);
        if (parentId is not null)
        {
            yield return OfChildren(parentId, year);
        }
    }

    public bool IsWatched(string group) => !Members(group).IsEmpty;

    /// <summary>The keys ("{bodyId}/{year}") of the bodies this host's viewers watch (and whose children they see).</summary>
    public ImmutableArray<string> WatchedKeys()
    {
        const string prefix = "body:";
        lock (_lock)
        {
            return [.. _members.Keys.Where(g => g.StartsWith(prefix, StringComparison.Ordinal)).Select(g => g[prefix.Length..])];
        }
    }

    /// <summary>The connections in the group now (an immutable snapshot, cheap to take per batch).</summary>
    public ImmutableHashSet<string> Members(string group)
    {
        lock (_lock)
        {
            return _members.TryGetValue(group, out var members) ? members : [];
        }
    }

    public void Joined(string group, string connectionId)
    {
        lock (_lock)
        {
            _members[group] = (_members.TryGetValue(group, out var members) ? members : []).Add(connectionId);
        }
    }

    /// <summary>Returns true when the group became empty.</summary>
    public bool Left(string group, string connectionId)
    {
        lock (_lock)
        {
            if (!_members.TryGetValue(group, out var members))
            {
                return true;
            }

            members = members.Remove(connectionId);
            if (members.IsEmpty)
            {
                _members.Remove(group);
                return true;
            }

            _members[group] = members;
            return false;
        }
    }
}
