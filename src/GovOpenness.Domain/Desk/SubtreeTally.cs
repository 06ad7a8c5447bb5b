using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Progress;

namespace GovOpenness.Domain.Desk;

/// <summary>
/// One part of a past-day recount: the counts and extremes of some bodies on the day. Parts of disjoint
/// sets of bodies add up exactly (sums add, extremes merge as the live roll-up merges them), so a
/// country-wide recount can be done a bounded batch of bodies at a time and combined, instead of
/// holding every body's record at once.
/// </summary>
public sealed record SubtreeTally(SummaryCounts Counts, SummaryExtremes Extremes)
{
    public static SubtreeTally Empty { get; } = new(SummaryCounts.Zero, SummaryExtremes.None);

    /// <summary>The bodies' records as they stood at the end of <paramref name="day"/>, counted.</summary>
    public static SubtreeTally Of(IEnumerable<BodyProgress> bodies, DateOnly day, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        var sums = new long[SummaryCounts.Length];
        var extremes = new List<SummaryExtremes>();
        foreach (var body in bodies)
        {
            var figures = ProgressFigures.ForBody(ProgressAsOf.At(body, day), day, calendar);
            figures.Counts.AddTo(sums);
            extremes.Add(figures.Extremes);
        }

        return new SubtreeTally(SummaryCounts.From(sums), SummaryExtremes.Merge(extremes));
    }

    /// <summary>
    /// Whether a subtree's live counts show it untouched: no body has items or ever received, settled or
    /// published a plan. A past day keeps a record's targets and can only remove steps and milestones, so
    /// such a subtree counts its bodies and nothing else on every day (<see cref="OfBodies"/>): its records
    /// need not be read. This spares a national recount the provinces that have no plan for the year.
    /// </summary>
    public static bool IsUntouched(SummaryCounts live)
    {
        ArgumentNullException.ThrowIfNull(live);
        return live.Items == 0 && live[SummaryFigure.BodiesReceived] == 0 && live[SummaryFigure.BodiesLocalized] == 0 && live[SummaryFigure.BodiesPublished] == 0;
    }

    /// <summary>
    /// The tally of an untouched subtree of <paramref name="bodies"/> bodies (the live roll-up counts only
    /// the bodies it has heard from, so the number comes from the hierarchy).
    /// </summary>
    public static SubtreeTally OfBodies(long bodies)
    {
        var sums = new long[SummaryCounts.Length];
        sums[(int)SummaryFigure.Bodies] = bodies;
        return new SubtreeTally(SummaryCounts.From(sums), SummaryExtremes.None);
    }

    /// <summary>The tally of the union of disjoint parts.</summary>
    public static SubtreeTally Combine(IEnumerable<SubtreeTally> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var sums = new long[SummaryCounts.Length];
        var extremes = new List<SummaryExtremes>();
        foreach (var part in parts)
        {
            part.Counts.AddTo(sums);
            extremes.Add(part.Extremes);
        }

        return new SubtreeTally(SummaryCounts.From(sums), SummaryExtremes.Merge(extremes));
    }
}
