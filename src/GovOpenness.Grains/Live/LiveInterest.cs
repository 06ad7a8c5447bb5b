using System.Collections.Frozen;
using System.Globalization;
using GovOpenness.Abstractions.Live;

namespace GovOpenness.Grains.Live;

/// <summary>
/// This silo's copy of what viewers watch anywhere in the cluster, and of the hosts they listen on. Every
/// progress grain asks it before it builds a push: a summary nobody watches (most of 45,000 bodies, all of
/// them with no viewer open) is neither built nor sent. A body's push is wanted when its key or its
/// parent's is watched. Notifiers send what is pushed to its <see cref="Hosts"/>.
/// </summary>
/// <remarks>
/// Until the registry has answered a complete list (<see cref="LiveInterestSnapshot.Complete"/>) every
/// push is wanted, as before interest was known: a silo that just started, or a registry that took over
/// and has not heard from every host yet, never loses a push somebody waits for. Additions apply at once
/// (a viewer's subscription and a host's registration wait for them); removals arrive with the next
/// complete list, which replaces the copy, keeping any addition newer than the list. Versions compare
/// only within one registry activation (its epoch): a list or addition from another activation (the
/// registry moved, or briefly ran twice while a silo joined) is never taken for a late message. Reads are
/// lock-free (views swapped whole); changes are rare (a body's first viewer, a refresh every few seconds).
/// </remarks>
public sealed class LiveInterest : ILiveInterestObserver
{
    private readonly Lock _lock = new();
    private readonly List<LiveInterestSnapshot> _additions = [];
    private volatile Interest _interest = Interest.Everything;
    private volatile ISummaryObserver[] _hosts = [];
    private Dictionary<string, ISummaryObserver> _hostsById = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _filtering = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _received = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private (long Epoch, long Version)? _replacedAt;
    private long _lastEpoch;

    /// <summary>False until a complete list arrived: meanwhile every summary is pushed.</summary>
    public bool Filters => !_interest.All;

    /// <summary>Completes when the first complete list has arrived (from then on only what is watched is pushed).</summary>
    public Task Filtering => _filtering.Task;

    /// <summary>Completes when the registry first answered (complete or not): the host list is known from then on.</summary>
    public Task Received => _received.Task;

    /// <summary>Completes at the copy's next change (taken before reading it, so no change is missed).</summary>
    public Task Changed
    {
        get
        {
            lock (_lock)
            {
                return _changed.Task;
            }
        }
    }

    /// <summary>The registry activation of the last list taken (0 before any): told to the registry, so one that took over knows.</summary>
    public long LastEpoch => Interlocked.Read(ref _lastEpoch);

    /// <summary>How many keys are watched (a gauge; 0 while <see cref="Filters"/> is false and nothing was added).</summary>
    public int Count => _interest.Count;

    /// <summary>The hosts whose viewers get this silo's pushes.</summary>
    public IReadOnlyList<ISummaryObserver> Hosts => _hosts;

    /// <summary>Whether anybody may watch this body's summary (its own key or its parent's).</summary>
    public bool Wants(string bodyId, string? parentId, int year)
    {
        var interest = _interest;
        return interest.All || (interest.ByYear.TryGetValue(year, out var bodies) && (bodies.Contains(bodyId) || (parentId is not null && bodies.Contains(parentId))));
    }

    public Task OnAddedAsync(LiveInterestSnapshot added)
    {
        Add(added);
        return Task.CompletedTask;
    }

    /// <summary>Keys newly watched or hosts newly listening: added at once, and kept for a list taken before them.</summary>
    public void Add(LiveInterestSnapshot added)
    {
        ArgumentNullException.ThrowIfNull(added);
        lock (_lock)
        {
            if (_replacedAt is var (epoch, version) && added.Epoch == epoch && added.Version <= version)
            {
                // Older than the complete list in place, which holds it already (or dropped it since).
                return;
            }

            _additions.Add(added);
            Merge(added);
            Change();
        }
    }

    /// <summary>
    /// The registry's whole list (a refresh). A complete one replaces the copy, with the additions of its
    /// activation newer than it; an incomplete one only adds.
    /// </summary>
    public void Replace(LiveInterestSnapshot list)
    {
        ArgumentNullException.ThrowIfNull(list);
        lock (_lock)
        {
            Interlocked.Exchange(ref _lastEpoch, list.Epoch);
            if (!list.Complete)
            {
                Merge(list);
            }
            else if (_replacedAt is var (epoch, version) && list.Epoch == epoch && list.Version < version)
            {
                // A refresh overtaken by a newer one of the same activation.
                return;
            }
            else
            {
                // Additions of another activation are dropped: this one is complete, so it holds every
                // live host's keys (each renewed with it) and adds any later ones itself.
                _replacedAt = (list.Epoch, list.Version);
                _additions.RemoveAll(a => a.Epoch != list.Epoch || a.Version <= list.Version);
                _interest = Interest.Of(list.Keys.Concat(_additions.SelectMany(a => a.Keys)));
                SetHosts(new Dictionary<string, ISummaryObserver>(StringComparer.Ordinal), list.Hosts.Concat(_additions.SelectMany(a => a.Hosts)));
                _filtering.TrySetResult();
            }

            Change();
        }

        _received.TrySetResult();
    }

    /// <summary>Adds the keys and hosts to the copy, keeping all it has.</summary>
    private void Merge(LiveInterestSnapshot added)
    {
        if (!added.Keys.IsEmpty)
        {
            _interest = _interest.With(added.Keys);
        }

        if (!added.Hosts.IsEmpty)
        {
            SetHosts(new Dictionary<string, ISummaryObserver>(_hostsById, StringComparer.Ordinal), added.Hosts);
        }
    }

    private void SetHosts(Dictionary<string, ISummaryObserver> hosts, IEnumerable<LiveHost> added)
    {
        foreach (var host in added)
        {
            hosts[host.HostId] = host.Observer;
        }

        _hostsById = hosts;
        _hosts = [.. hosts.Values];
    }

    private void Change()
    {
        var changed = _changed;
        _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }

    /// <summary>Watched bodies by year, from the keys as listed; <see cref="All"/> while every push is wanted.</summary>
    private sealed class Interest
    {
        private Interest(bool all, FrozenSet<string> keys) => (All, Keys, ByYear) = (all, keys, Group(keys));

        public static Interest Everything { get; } = new(true, FrozenSet<string>.Empty);

        public bool All { get; }

        /// <summary>The keys as listed (kept so an addition need not rebuild them from <see cref="ByYear"/>).</summary>
        public FrozenSet<string> Keys { get; }

        public FrozenDictionary<int, FrozenSet<string>> ByYear { get; }

        public int Count => ByYear.Values.Sum(b => b.Count);

        public static Interest Of(IEnumerable<string> keys) => new(false, keys.ToFrozenSet(StringComparer.Ordinal));

        public Interest With(IEnumerable<string> keys) => new(All, Keys.Concat(keys).ToFrozenSet(StringComparer.Ordinal));

        private static FrozenDictionary<int, FrozenSet<string>> Group(IEnumerable<string> keys) =>
            keys.Select(Parse).Where(k => k.Year != 0).GroupBy(k => k.Year)
                .ToFrozenDictionary(g => g.Key, g => g.Select(k => k.BodyId).ToFrozenSet(StringComparer.Ordinal));

        // "{bodyId}/{year}"; a key of another shape is ignored (year 0).
        private static (string BodyId, int Year) Parse(string key)
        {
            var slash = key.LastIndexOf('/');
            return slash > 0 && int.TryParse(key.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                ? (key[..slash], year)
                : ("", 0);
        }
    }
}
