using System.Collections.Immutable;
using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Progress;

namespace GovOpenness.Domain.Desk;

/// <summary>
/// A subtree's summary recounted on a given day from every body's record (<see cref="ProgressAsOf"/>):
/// what the live roll-up would have shown on that day. The live roll-up only knows "now", so a past
/// day is a recount, done for one subtree on request.
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
        var total = new long[SummaryCounts.Length];
        var children = new Dictionary<string, long[]>(StringComparer.Ordinal);
        var extremes = new List<SummaryExtremes>(sheets.Count);
        BodyProgress own = root.Progress;
        foreach (var sheet in sheets)
        {
            var progress = ProgressAsOf.At(sheet.Progress, day);
            if (ReferenceEquals(sheet, root))
            {
                own = progress;
            }

            var figures = ProgressFigures.ForBody(progress, day, calendar);
            figures.Counts.AddTo(total);
            extremes.Add(figures.Extremes);
            if (sheet.Path.Count > depth)
            {
                var child = sheet.Path[depth].Id;
                if (!children.TryGetValue(child, out var sums))
                {
                    children[child] = sums = new long[SummaryCounts.Length];
                }

                figures.Counts.AddTo(sums);
            }
        }

        var summary = new SubtreeSummary(root.Body.Id, root.Progress.Year, SummaryCounts.From(total), SummaryExtremes.Merge(extremes));
        return new SubtreeAsOf(summary, children.ToDictionary(c => c.Key, c => SummaryCounts.From(c.Value), StringComparer.Ordinal), own);
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
