using System.Collections.Immutable;
using GovOpenness.Abstractions.Progress;
using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Progress;
using GovOpenness.Grains.Storage.Journal;

namespace GovOpenness.Grains.Pipeline;

/// <summary>
/// One job of the progress grain: the leaf children that only follow (<see cref="FollowerReceipts"/>),
/// counted at their parent instead of by a live activation each. The relay hands their receipts over in
/// batches, one journal record per parent holds them (key "{body}/{year}/followers"), and each follower
/// enters the roll-up as the full summary its own progress would give, under epoch 1, below any real
/// activation's epoch. When the child's own progress grain activates it claims its receipt from here
/// before its first flush, and its summary (a larger epoch) replaces the follower's. A follower noted with
/// its own leaves (a township that only follows, with its villages) is counted with them as its subtree.
/// </summary>
/// <param name="parentId">The body whose followers these are (the parent the figures are counted for).</param>
/// <param name="leavesOf">A follower's own leaf children (the catalog's), for one noted with its leaves.</param>
internal sealed class FollowerSummaries(VersionedRecord record, string parentId, int year, Func<string, IReadOnlyList<string>>? leavesOf = null)
{
    /// <summary>The epoch of a follower's summary held for it by its parent: older than any activation's.</summary>
    public const long Epoch = 1;

    private FollowerReceipts _receipts = new();
    private long _sequence;
    private string? _stamp;
    private ImmutableArray<ItemTarget> _targets = [];

    /// <summary>What a follower hands its own leaves (derived from <see cref="_targets"/>; null: not derived for this version).</summary>
    private ImmutableArray<ItemTarget>? _leafTargets;

    /// <summary>One write at a time: a child's adoption (interleaved) may merge while a relay's batch merges.</summary>
    private readonly SemaphoreSlim _writing = new(1, 1);

    /// <summary>Children that asked for their receipt (active on their own): their notes go to them.</summary>
    private readonly HashSet<string> _claimed = new(StringComparer.Ordinal);

    public int Count => _receipts.Count;

    public IEnumerable<string> ChildIds => _receipts.ChildIds;

    public bool IsClaimed(string childId) => _claimed.Contains(childId);

    /// <summary>Takes the journaled receipts (the record's payload, or none).</summary>
    public void Load(StoredRecord? stored) =>
        _receipts = stored is { } r ? FollowerReceipts.Deserialize(r.Payload) : new FollowerReceipts();

    /// <summary>
    /// Adds receipts, each at its earliest day, stored before they count (not stored, the relay keeps the
    /// notes and sends them again); answers the children whose receipt changed.
    /// </summary>
    public async Task<IReadOnlyList<string>> MergeAsync(IEnumerable<ChildReceipt> receipts, DateOnly parentIssuedOn)
    {
        await _writing.WaitAsync();
        try
        {
            var next = FollowerReceipts.Deserialize(_receipts.Serialize());
            var changed = next.Merge(receipts.Select(f => (f.ChildId, f.Day, f.Leaves)), parentIssuedOn);
            if (changed.Count > 0)
            {
                await record.WriteAsync(next.Serialize());
                _receipts = next;
            }

            return changed;
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>A child active on its own asks for its receipt: from now on it keeps its own progress.</summary>
    public ChildReceipt? Claim(string childId)
    {
        _claimed.Add(childId);
        return _receipts.Find(childId) is { ReceivedOn: { } day } m ? new ChildReceipt(childId, day, m.ParentIssuedOn, _receipts.LeavesOf(childId)) : null;
    }

    /// <summary>
    /// Whether the followers' items must be derived for this plan version (one derivation per version), or
    /// the items their leaves get (a follower noted with its leaves came since).
    /// </summary>
    public bool NeedsTargets(string stamp) => _receipts.Count > 0 && (stamp != _stamp || (_leafTargets is null && FirstLeaf() is not null));

    /// <summary>A leaf of some follower noted with its leaves (null: none), to derive what such followers hand their leaves.</summary>
    public string? FirstLeaf() =>
        _receipts.ChildIds.Where(c => _receipts.LeavesOf(c) > 0).Select(c => LeavesOf(c).FirstOrDefault()).FirstOrDefault(l => l is not null);

    /// <summary>
    /// Takes the items of a plan version (the same for every follower) and, when derived, those the
    /// followers hand their leaves; true when they replaced an earlier version's.
    /// </summary>
    public bool SetTargets(string stamp, IEnumerable<ItemTarget> targets, IEnumerable<ItemTarget>? leafTargets = null)
    {
        var changed = _stamp is not null && _stamp != stamp;
        _stamp = stamp;
        _targets = [.. targets];
        _leafTargets = leafTargets is null ? null : [.. leafTargets];
        return changed;
    }

    /// <summary>
    /// Enters the given followers' summaries into the roll-up, skipping a child whose own activation sent
    /// its summary (a larger epoch); true when any was entered.
    /// </summary>
    public bool CountInto(SubtreeRollup rollup, IEnumerable<string> childIds, DateOnly today, WorkingDayCalendar calendar)
    {
        var counted = false;
        foreach (var child in childIds)
        {
            if (rollup.EpochOf(child) is > Epoch)
            {
                continue;
            }

            var leaves = _receipts.LeavesOf(child) > 0 ? LeavesOf(child) : [];
            var figures = _receipts.FiguresOf(child, year, parentId, _targets, today, calendar, leaves, _leafTargets ?? [], rollup.OffenderLimit);
            rollup.Receive(new SummaryDelta(child, year, Epoch, 0, ++_sequence, figures.Counts, figures.Extremes));
            counted = true;
        }

        return counted;
    }

    private IReadOnlyList<string> LeavesOf(string childId) => leavesOf?.Invoke(childId) ?? [];
}
