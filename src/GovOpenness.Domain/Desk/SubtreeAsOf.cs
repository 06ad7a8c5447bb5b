using System.Collections.Immutable;
using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Progress;

namespace GovOpenness.Domain.Desk;

/// <summary>
/// A subtree's summary recounted on a given day from every body's record (<see cref="ProgressAsOf"/>):
/// what the live roll-up would have shown on that day. The live roll-up only knows "now", so a past
/// day is a recount, done for one subtree on request: in one piece (<see cref="Of"/>) for a subtree
/// small enough to hold, or combined from its children's tallies (<see cref="Combine"/>, <see cref="SubtreeTally"/>).
/// </summary>
/// <param name="Summary">The root's subtree summary on the day.</param>
/// <param name="Children">Each direct child's subtree counts on the day, for the ranking and for opening a figure.</param>
/// <param name="Own">The root's own progress on the day (its items, for opening a figure).</param>
public sealed record SubtreeAsOf(SubtreeSummary Summary, IReadOnlyDictionary<string, SummaryCounts> Children, BodyProgress Own)
{
    /// <summary>Recounts the subtree of <paramref name="sheets"/>[0] (tree order: the root first) on <paramref name="day"/>.</summary>
    public static SubtreeAsOf Of(IReadOnlyList<BodySheet> sheets, DateOnly day, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        var root = sheets[0];
        var depth = root.Path.Count; // a direct child's id sits at this index of its descendants' paths
        var children = sheets.Skip(1).Where(s => s.Path.Count > depth).GroupBy(s => s.Path[depth].Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => SubtreeTally.Of(g.Select(s => s.Progress), day, calendar), StringComparer.Ordinal);
        return Combine(root.Progress, children, day, calendar);
    }

    /// <summary>
    /// The root's recount from its own record and each direct child's subtree tally on <paramref name="day"/>
    /// (each recounted on its own, a bounded part at a time): equal to <see cref="Of"/> over the whole subtree.
    /// </summary>
    public static SubtreeAsOf Combine(BodyProgress root, IReadOnlyDictionary<string, SubtreeTally> children, DateOnly day, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(children);
        var own = ProgressAsOf.At(root, day);
        var total = SubtreeTally.Combine([SubtreeTally.Of([root], day, calendar), .. children.Values]);
        var summary = new SubtreeSummary(root.BodyId, root.Year, total.Counts, total.Extremes);
        return new SubtreeAsOf(summary, children.ToDictionary(c => c.Key, c => c.Value.Counts, StringComparer.Ordinal), own);
    }

    /// <summary>The children ranked as the live summary ranks them; children without items are not ranked (no plan, no zeros).</summary>
    public ImmutableArray<RankedBody> Ranking() =>
        AssessmentRanking.Rank(Children.Where(c => c.Value.Items > 0).Select(c => (c.Key, c.Value)));

    /// <summary>One figure opened on the day: the root's own part, its items, each child's subtree (largest first).</summary>
    public FigureExplanation Explain(SummaryFigure figure, DateOnly day, WorkingDayCalendar calendar)
    {
        var parts = ImmutableArray.CreateBuilder<FigurePart>();
        long items = 0;
        foreach (var target in Own.Targets)
        {
            var value = ProgressFigures.ForItem(target, Own.ProgressOf(target.ItemId), day, calendar)[figure];
            items += value;
            if (value != 0)
            {
                parts.Add(new FigurePart(FigurePartKind.Item, target.ItemId, value));
            }
        }

        var ownTotal = ProgressFigures.ForBody(Own, day, calendar).Counts[figure];
        if (ownTotal - items != 0)
        {
            parts.Insert(0, new FigurePart(FigurePartKind.Body, Summary.BodyId, ownTotal - items));
        }

        foreach (var (id, counts) in Children.Where(c => c.Value[figure] != 0).OrderByDescending(c => c.Value[figure]).ThenBy(c => c.Key, StringComparer.Ordinal))
        {
            parts.Add(new FigurePart(FigurePartKind.Child, id, counts[figure]));
        }

        return new FigureExplanation(Summary.BodyId, figure, Summary.Counts[figure], parts.ToImmutable());
    }
}
