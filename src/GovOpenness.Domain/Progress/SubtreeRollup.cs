using System.Collections.Immutable;
using GovOpenness.Domain.Calendar;

namespace GovOpenness.Domain.Progress;

/// <summary>
/// A body's side of the roll-up: its own figures plus what it holds of each child, merged into the
/// subtree summary. Receiving a delta costs O(figures) for the sums; extremes are re-merged lazily
/// (O(children × K)) only when someone's changed. Soft state: a host rebuilds it from its own
/// progress and a full delta pulled from each child (<see cref="SummaryOutbox.TakeFull"/>), passed to
/// <see cref="Receive"/> like any other: its fresh sequence outranks any older delta still in transit.
/// Not thread-safe (a grain is single-threaded).
/// </summary>
public sealed class SubtreeRollup
{
    // Mutable per-child slots: a delta adds into them in place, so receiving allocates only the receipt.
    private readonly Dictionary<string, ChildSlot> _children = new(StringComparer.Ordinal);
    private readonly long[] _totals = new long[SummaryCounts.Length];
    private OwnFigures _own = OwnFigures.None;
    private SummaryExtremes? _extremes;
    private SubtreeSummary? _summary;

    public SubtreeRollup(string bodyId, int year, int offenderLimit = SummaryExtremes.DefaultOffenderLimit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offenderLimit);
        BodyId = bodyId;
        Year = year;
        OffenderLimit = offenderLimit;
    }

    public string BodyId { get; }

    public int Year { get; }

    public int OffenderLimit { get; }

    /// <summary>Increases whenever the summary may have changed: a host flushes and pushes when it moved.</summary>
    public long Version { get; private set; }

    public OwnFigures Own => _own;

    /// <summary>What the body holds of each child (a snapshot, for explaining and ranking).</summary>
    public IReadOnlyList<ChildContribution> Children =>
        [.. _children.Values.Select(c => new ChildContribution(c.ChildId, c.Epoch, c.Sequence, SummaryCounts.From(c.Counts), c.Extremes))];

    /// <summary>The current summary (cached until the next change).</summary>
    public SubtreeSummary Summary => _summary ??= new SubtreeSummary(BodyId, Year, SummaryCounts.From(_totals), Extremes);

    private SummaryExtremes Extremes => _extremes ??=
        SummaryExtremes.Merge(_children.Values.Select(c => c.Extremes).Prepend(_own.Extremes), OffenderLimit);

    /// <summary>
    /// Replaces the body's own figures (after an update, a new plan, or a new day). False when they equal
    /// those held: nothing changed, so there is nothing to send up or push (a step that only changes a note or adds evidence).
    /// </summary>
    public bool SetOwn(OwnFigures own)
    {
        ArgumentNullException.ThrowIfNull(own);
        if (own.Equals(_own))
        {
            return false;
        }

        _own.Counts.AddTo(_totals, -1);
        own.Counts.AddTo(_totals);
        if (!own.Extremes.Equals(_own.Extremes))
        {
            _extremes = null;
        }

        _own = own;
        Changed();
        return true;
    }

    /// <summary>Merges a child's delta, exactly once, and says what the parent now holds of the child.</summary>
    public DeltaReceipt Receive(SummaryDelta delta)
    {
        ArgumentNullException.ThrowIfNull(delta);
        if (delta.Year != Year)
        {
            throw new ArgumentException($"“{delta.ChildId}”报送的是{delta.Year}年的汇总，而“{BodyId}”此处汇总的是{Year}年", nameof(delta));
        }

        _children.TryGetValue(delta.ChildId, out var held);
        if (held is not null && (delta.Epoch < held.Epoch || (delta.Epoch == held.Epoch && delta.Sequence <= held.Sequence)))
        {
            return new DeltaReceipt(DeltaOutcome.Duplicate, held.Epoch, held.Sequence);
        }

        if (delta.IsFull)
        {
            if (held is null)
            {
                held = new ChildSlot(delta.ChildId);
                _children.Add(delta.ChildId, held);
            }

            AddCounts(held, delta.Counts, replace: true);
            Update(held, delta.Epoch, delta.Sequence, delta.Extremes ?? SummaryExtremes.None);
            return new DeltaReceipt(DeltaOutcome.Applied, delta.Epoch, delta.Sequence);
        }

        if (held is null || held.Epoch != delta.Epoch || held.Sequence != delta.BaseSequence)
        {
            var sameEpoch = held is not null && held.Epoch == delta.Epoch;
            return new DeltaReceipt(DeltaOutcome.Resend, sameEpoch ? held!.Epoch : 0, sameEpoch ? held!.Sequence : 0);
        }

        AddCounts(held, delta.Counts, replace: false);
        Update(held, delta.Epoch, delta.Sequence, delta.Extremes ?? held.Extremes);
        return new DeltaReceipt(DeltaOutcome.Applied, delta.Epoch, delta.Sequence);
    }

    /// <summary>The epoch of what is held for a child, null when nothing is.</summary>
    public long? EpochOf(string childId) => _children.TryGetValue(childId, out var held) ? held.Epoch : null;

    /// <summary>Forgets a child (a department removed); false when it was not held.</summary>
    public bool RemoveChild(string childId)
    {
        if (!_children.Remove(childId, out var held))
        {
            return false;
        }

        for (var i = 0; i < _totals.Length; i++)
        {
            _totals[i] -= held.Counts[i];
        }

        _extremes = null;
        Changed();
        return true;
    }

    /// <summary>
    /// Opens a figure: the body itself, each of its own items (recomputed from <paramref name="own"/>
    /// on <paramref name="today"/>, which should be what <see cref="SetOwn"/> was given) and each child.
    /// </summary>
    public FigureExplanation Explain(SummaryFigure figure, BodyProgress own, DateOnly today, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(own);
        var parts = ImmutableArray.CreateBuilder<FigurePart>();
        long itemsSum = 0;
        foreach (var target in own.Targets)
        {
            var value = ProgressFigures.ForItem(target, own.ProgressOf(target.ItemId), today, calendar)[figure];
            itemsSum += value;
            if (value != 0)
            {
                parts.Add(new FigurePart(FigurePartKind.Item, target.ItemId, value));
            }
        }

        // The body's part is what its own figures hold beyond its items, so the parts always add up.
        var bodyPart = _own.Counts[figure] - itemsSum;
        if (bodyPart != 0)
        {
            parts.Insert(0, new FigurePart(FigurePartKind.Body, BodyId, bodyPart));
        }

        foreach (var child in _children.Values.Where(c => c.Counts[(int)figure] != 0)
            .OrderByDescending(c => c.Counts[(int)figure]).ThenBy(c => c.ChildId, StringComparer.Ordinal))
        {
            parts.Add(new FigurePart(FigurePartKind.Child, child.ChildId, child.Counts[(int)figure]));
        }

        return new FigureExplanation(BodyId, figure, _totals[(int)figure], parts.ToImmutable());
    }

    /// <summary>The 考核 ranking of the body's children by their subtree counts.</summary>
    public ImmutableArray<RankedBody> RankChildren() => AssessmentRanking.Rank(_children.Values.Select(c => (c.ChildId, SummaryCounts.From(c.Counts))));

    private void AddCounts(ChildSlot slot, SummaryCounts counts, bool replace)
    {
        var values = counts.Values;
        for (var i = 0; i < _totals.Length; i++)
        {
            var next = replace ? values[i] : slot.Counts[i] + values[i];
            _totals[i] += next - slot.Counts[i];
            slot.Counts[i] = next;
        }
    }

    private void Update(ChildSlot slot, long epoch, long sequence, SummaryExtremes extremes)
    {
        slot.Epoch = epoch;
        slot.Sequence = sequence;
        if (!ReferenceEquals(extremes, slot.Extremes) && !extremes.Equals(slot.Extremes))
        {
            slot.Extremes = extremes;
            _extremes = null;
        }

        Changed();
    }

    private void Changed()
    {
        _summary = null;
        Version++;
    }

    private sealed class ChildSlot(string childId)
    {
        public string ChildId { get; } = childId;

        public long Epoch { get; set; }

        public long Sequence { get; set; }

        public long[] Counts { get; } = new long[SummaryCounts.Length];

        public SummaryExtremes Extremes { get; set; } = SummaryExtremes.None;
    }
}
