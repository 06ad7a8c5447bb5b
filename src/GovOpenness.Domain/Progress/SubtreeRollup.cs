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
    private readonly Dictionary<string, ChildContribution> _children = new(StringComparer.Ordinal);
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

    public IReadOnlyCollection<ChildContribution> Children => _children.Values;

    /// <summary>The current summary (cached until the next change).</summary>
    public SubtreeSummary Summary => _summary ??= new SubtreeSummary(BodyId, Year, SummaryCounts.From(_totals), Extremes);

    private SummaryExtremes Extremes => _extremes ??=
        SummaryExtremes.Merge(_children.Values.Select(c => c.Extremes).Prepend(_own.Extremes), OffenderLimit);

    /// <summary>Replaces the body's own figures (after an update, a new plan, or a new day).</summary>
    public void SetOwn(OwnFigures own)
    {
        ArgumentNullException.ThrowIfNull(own);
        if (own.Equals(_own))
        {
            return;
        }

        _own.Counts.AddTo(_totals, -1);
        own.Counts.AddTo(_totals);
        if (!own.Extremes.Equals(_own.Extremes))
        {
            _extremes = null;
        }

        _own = own;
        Changed();
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
            Store(held, new ChildContribution(delta.ChildId, delta.Epoch, delta.Sequence, delta.Counts, delta.Extremes ?? SummaryExtremes.None));
            return new DeltaReceipt(DeltaOutcome.Applied, delta.Epoch, delta.Sequence);
        }

        if (held is null || held.Epoch != delta.Epoch || held.Sequence != delta.BaseSequence)
        {
            var sameEpoch = held is not null && held.Epoch == delta.Epoch;
            return new DeltaReceipt(DeltaOutcome.Resend, sameEpoch ? held!.Epoch : 0, sameEpoch ? held!.Sequence : 0);
        }

        Store(held, held with { Sequence = delta.Sequence, Counts = held.Counts.Add(delta.Counts), Extremes = delta.Extremes ?? held.Extremes });
        return new DeltaReceipt(DeltaOutcome.Applied, delta.Epoch, delta.Sequence);
    }

    /// <summary>Forgets a child (a department removed); false when it was not held.</summary>
    public bool RemoveChild(string childId)
    {
        if (!_children.Remove(childId, out var held))
        {
            return false;
        }

        held.Counts.AddTo(_totals, -1);
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

        foreach (var child in _children.Values.Where(c => c.Counts[figure] != 0)
            .OrderByDescending(c => c.Counts[figure]).ThenBy(c => c.ChildId, StringComparer.Ordinal))
        {
            parts.Add(new FigurePart(FigurePartKind.Child, child.ChildId, child.Counts[figure]));
        }

        return new FigureExplanation(BodyId, figure, _totals[(int)figure], parts.ToImmutable());
    }

    /// <summary>The 考核 ranking of the body's children by their subtree counts.</summary>
    public ImmutableArray<RankedBody> RankChildren() => AssessmentRanking.Rank(_children.Values.Select(c => (c.ChildId, c.Counts)));

    private void Store(ChildContribution? held, ChildContribution next)
    {
        held?.Counts.AddTo(_totals, -1);
        next.Counts.AddTo(_totals);
        if (held is null || !held.Extremes.Equals(next.Extremes))
        {
            _extremes = null;
        }

        _children[next.ChildId] = next;
        Changed();
    }

    private void Changed()
    {
        _summary = null;
        Version++;
    }
}
