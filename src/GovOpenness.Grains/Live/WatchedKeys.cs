namespace GovOpenness.Grains.Live;

/// <summary>
/// What each host's viewers watch (keys "{bodyId}/{year}"), for the live registry: which keys the cluster
/// watches, and which a call made new to it. Each key a host lists carries the host's sequence of that
/// call, so a renewal that lists what the host watched at its sequence S drops only keys last listed at or
/// before S: a key watched by a later call that overtook the renewal stays. Not thread-safe (a grain's).
/// </summary>
public sealed class WatchedKeys
{
    private readonly Dictionary<string, Host> _hosts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _watchers = new(StringComparer.Ordinal);

    /// <summary>Every key some host watches.</summary>
    public IEnumerable<string> Keys => _watchers.Keys;

    /// <summary>The host is alive (it renewed).</summary>
    public void Seen(string hostId, DateTimeOffset now) => HostOf(hostId).LastSeen = now;

    /// <summary>The host watches these keys too; answers those no host watched before.</summary>
    public IReadOnlyList<string> Watch(string hostId, IEnumerable<string> keys, long sequence, DateTimeOffset now)
    {
        var host = HostOf(hostId);
        host.LastSeen = now;
        var added = new List<string>();
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            if (host.Keys.TryGetValue(key, out var listed))
            {
                host.Keys[key] = Math.Max(listed, sequence);
            }
            else
            {
                host.Keys[key] = sequence;
                if (Count(key, +1) == 1)
                {
                    added.Add(key);
                }
            }
        }

        return added;
    }

    /// <summary>
    /// All the host watched at its <paramref name="sequence"/>: keys it listed only before then and not now
    /// are dropped; answers the keys no host watched before.
    /// </summary>
    public IReadOnlyList<string> Replace(string hostId, IEnumerable<string> keys, long sequence, DateTimeOffset now)
    {
        var listed = keys.ToHashSet(StringComparer.Ordinal);
        var host = HostOf(hostId);
        foreach (var (key, at) in host.Keys.ToList())
        {
            if (at <= sequence && !listed.Contains(key))
            {
                host.Keys.Remove(key);
                Count(key, -1);
            }
        }

        return Watch(hostId, listed, sequence, now);
    }

    /// <summary>The host left: what only its viewers watched is no longer watched.</summary>
    public void Forget(string hostId)
    {
        if (_hosts.Remove(hostId, out var host))
        {
            foreach (var key in host.Keys.Keys)
            {
                Count(key, -1);
            }
        }
    }

    /// <summary>Forgets hosts not heard from since <paramref name="cutoff"/> (their silo died without unsubscribing).</summary>
    public void ForgetHostsNotSeenSince(DateTimeOffset cutoff)
    {
        foreach (var hostId in _hosts.Where(h => h.Value.LastSeen < cutoff).Select(h => h.Key).ToList())
        {
            Forget(hostId);
        }
    }

    private Host HostOf(string hostId) => _hosts.TryGetValue(hostId, out var host) ? host : _hosts[hostId] = new Host();

    private int Count(string key, int change)
    {
        var count = _watchers.GetValueOrDefault(key) + change;
        if (count > 0)
        {
            _watchers[key] = count;
        }
        else
        {
            _watchers.Remove(key);
        }

        return count;
    }

    private sealed class Host
    {
        public Dictionary<string, long> Keys { get; } = new(StringComparer.Ordinal);

        public DateTimeOffset LastSeen { get; set; }
    }
}
