using System.Collections.Concurrent;
using GovOpenness.Abstractions.Diagnostics;

namespace GovOpenness.Grains.Hosting;

/// <summary>
/// What this silo still owes the progress pipeline: plan deliveries awaiting acknowledgements,
/// milestone notes queued in the relay, progress deltas not yet taken by the parent, summary pushes
/// waiting for their interval and pushes the notifier has not forwarded. Settled when all are empty.
/// </summary>
/// <remarks>
/// Work is entered before the call that carries it and left only after the next stage has entered
/// its own (a child leaves its flush once the parent's <c>ReceiveDelta</c>, which arms the parent's
/// flush, has returned), so there is no instant in which work is in flight but counted nowhere.
/// Across silos, <see cref="Changes"/> lets a caller check that nothing moved between two reads.
/// </remarks>
public sealed class SettleTracker
{
    private const int Listed = 10;
    private readonly ConcurrentDictionary<string, byte>[] _keyed =
        [.. Enumerable.Range(0, Enum.GetValues<PendingWork>().Length).Select(_ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal))];
    private readonly long[] _counted = new long[Enum.GetValues<PendingWork>().Length];
    private readonly Lock _gate = new();
    private readonly Dictionary<(PendingWork, string), (long, long)> _versions = [];
    private readonly long[] _perKind = new long[Enum.GetValues<PendingWork>().Length];
    private readonly TaskCompletionSource[] _kindIdle = [.. Enum.GetValues<PendingWork>().Select(_ => NewSignal(completed: true))];
    private TaskCompletionSource _settled = NewSignal(completed: true);
    private readonly ConcurrentDictionary<(PendingWork Kind, string Key), TaskCompletionSource> _exits = new();
    private readonly ConcurrentDictionary<(PendingWork Kind, string Key), TaskCompletionSource> _entries = new();
    private long _total;
    private long _changes;

    /// <summary>Grows with every entry and exit: equal in two reads means nothing moved in between.</summary>
    public long Changes => Interlocked.Read(ref _changes);

    public bool IsSettled => Interlocked.Read(ref _total) == 0;

    /// <summary>Marks one piece of work identified by <paramref name="key"/> (entering it twice counts once).</summary>
    public void Enter(PendingWork kind, string key)
    {
        if (_keyed[(int)kind].TryAdd(key, 0))
        {
            Add(kind, 1);
            if (!_entries.IsEmpty && _entries.TryRemove((kind, key), out var entered))
            {
                entered.TrySetResult();
            }
        }
    }

    /// <summary>The work identified by <paramref name="key"/> is done (a no-op when it was not entered).</summary>
    public void Exit(PendingWork kind, string key)
    {
        if (_keyed[(int)kind].TryRemove(key, out _))
        {
            Add(kind, -1);
            Release(kind, key);
        }
    }

    /// <summary>
    /// Marks the newest version of a piece of work sent one way (a push with its epoch and sequence):
    /// <see cref="ExitVersion"/> with that version or a later one settles it. A message lost on the way
    /// (one-way calls are not answered) is thus settled by the next one for the same key instead of
    /// holding the silo unsettled for ever, and an exit for an older version never settles a newer one.
    /// </summary>
    public void EnterVersion(PendingWork kind, string key, (long Epoch, long Sequence) version)
    {
        lock (_gate)
        {
            if (_versions.TryGetValue((kind, key), out var held))
            {
                _versions[(kind, key)] = version.CompareTo(held) > 0 ? version : held;
                return;
            }

            _versions[(kind, key)] = version;
        }

        _keyed[(int)kind].TryAdd(key, 0);
        Add(kind, 1);
    }

    /// <summary>The work up to <paramref name="version"/> arrived: settled unless a later version is on its way.</summary>
    public void ExitVersion(PendingWork kind, string key, (long Epoch, long Sequence) version)
    {
        lock (_gate)
        {
            if (!_versions.TryGetValue((kind, key), out var held) || held.CompareTo(version) > 0)
            {
                return;
            }

            _versions.Remove((kind, key));
        }

        _keyed[(int)kind].TryRemove(key, out _);
        Add(kind, -1);
        Release(kind, key);
    }

    /// <summary>Counts <paramref name="count"/> anonymous pieces of work (e.g. pushes handed to the notifier).</summary>
    public void Enter(PendingWork kind, int count = 1)
    {
        Interlocked.Add(ref _counted[(int)kind], count);
        Add(kind, count);
    }

    public void Exit(PendingWork kind, int count = 1)
    {
        Interlocked.Add(ref _counted[(int)kind], -count);
        Add(kind, -count);
    }

    /// <summary>Completes when nothing is pending (at once when nothing is).</summary>
    public Task WaitSettledAsync(CancellationToken cancellation = default)
    {
        lock (_gate)
        {
            return _settled.Task.WaitAsync(cancellation);
        }
    }

    /// <summary>Completes when no work of one kind is pending (e.g. the relay has drained while timers still tick).</summary>
    public Task WaitIdleAsync(PendingWork kind, CancellationToken cancellation = default)
    {
        lock (_gate)
        {
            return _kindIdle[(int)kind].Task.WaitAsync(cancellation);
        }
    }

    /// <summary>
    /// Completes once one piece of work is no longer pending (at once when it is not): e.g. one progress
    /// grain's flush or push, keyed "{body}/{year}". For tests that drive one grain's timer with a fake
    /// clock while other grains' work comes and goes.
    /// </summary>
    public Task WaitForExitAsync(PendingWork kind, string key, CancellationToken cancellation = default)
    {
        var signal = _exits.GetOrAdd((kind, key), _ => NewSignal(completed: false));
        if (!_keyed[(int)kind].ContainsKey(key))
        {
            Release(kind, key);
        }

        return signal.Task.WaitAsync(cancellation);
    }

    /// <summary>
    /// Completes once one piece of work is pending (at once when it is): e.g. acknowledgements a one-way
    /// call brought to a publisher, which its next flush writes. For tests that act through one-way calls.
    /// </summary>
    public Task WaitForEntryAsync(PendingWork kind, string key, CancellationToken cancellation = default)
    {
        var signal = _entries.GetOrAdd((kind, key), _ => NewSignal(completed: false));
        if (_keyed[(int)kind].ContainsKey(key) && _entries.TryRemove((kind, key), out var entered))
        {
            entered.TrySetResult();
        }

        return signal.Task.WaitAsync(cancellation);
    }

    /// <summary>Whether one piece of work is pending now.</summary>
    public bool IsPending(PendingWork kind, string key) => _keyed[(int)kind].ContainsKey(key);

    /// <summary>What is pending now, by kind, with a few of the keys.</summary>
    public SettledReport Report(string silo)
    {
        var pending = Enum.GetValues<PendingWork>()
            .Select(kind => new PendingCount(kind, _keyed[(int)kind].Count + Interlocked.Read(ref _counted[(int)kind]),
                [.. _keyed[(int)kind].Keys.Order(StringComparer.Ordinal).Take(Listed)]))
            .Where(p => p.Count != 0)
            .ToList();
        return new SettledReport(pending.Count == 0, silo, Changes, pending);
    }

    private void Add(PendingWork kind, long delta)
    {
        Interlocked.Increment(ref _changes);
        lock (_gate)
        {
            var was = _perKind[(int)kind];
            _perKind[(int)kind] += delta;
            if (was == 0 && _perKind[(int)kind] != 0)
            {
                _kindIdle[(int)kind] = NewSignal(completed: false);
            }
            else if (was != 0 && _perKind[(int)kind] == 0)
            {
                _kindIdle[(int)kind].TrySetResult();
            }

            var before = _total;
            _total += delta;
            if (before == 0 && _total != 0)
            {
                _settled = NewSignal(completed: false);
            }
            else if (before != 0 && _total == 0)
            {
                _settled.TrySetResult();
            }
        }
    }

    private void Release(PendingWork kind, string key)
    {
        if (!_exits.IsEmpty && _exits.TryRemove((kind, key), out var signal))
        {
            signal.TrySetResult();
        }
    }

    private static TaskCompletionSource NewSignal(bool completed)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            signal.SetResult();
        }

        return signal;
    }
}
