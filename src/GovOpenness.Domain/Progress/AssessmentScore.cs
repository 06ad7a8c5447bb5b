namespace GovOpenness.Domain.Progress;

/// <summary>
/// The 考核 score of a body's (or subtree's) counts, 0–100; formula in Progress/README.md:
/// 100 × (0.4 × on-time share + 0.3 × completion share + 0.3 × accepted share) − 20 × overdue share.
/// </summary>
/// <param name="Score">Rounded to two decimals, clamped to 0–100.</param>
/// <param name="OnTimeShare">Items done on time over items done or overdue (1 when none is due yet).</param>
/// <param name="CompletionShare">Weight of reported or closed items over total weight.</param>
/// <param name="AcceptedShare">Closed items over closed + awaiting review + times sent back.</param>
/// <param name="OverdueShare">Red items over all items.</param>
/// <param name="OverdueItems">Red items (a tie-breaker in rankings).</param>
public sealed record AssessmentScore(
    double Score,
    double OnTimeShare,
    double CompletionShare,
    double AcceptedShare,
    double OverdueShare,
    long OverdueItems)
{
    public const double OnTimeWeight = 0.4;
    public const double CompletionWeight = 0.3;
    public const double AcceptedWeight = 0.3;
    public const double OverdueDeduction = 20;

    public static AssessmentScore Of(SummaryCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var items = counts.Items;
        if (items == 0)
        {
            return new AssessmentScore(0, 0, 0, 0, 0, 0);
        }

        var onTime = counts[SummaryFigure.ItemsDoneOnTime];
        var due = onTime + counts[SummaryFigure.ItemsDoneLate] + counts.ItemsOverdue;
        var onTimeShare = due == 0 ? 1 : (double)onTime / due;
        var weight = counts[SummaryFigure.WeightTotal];
        var completion = weight == 0 ? 0 : (double)counts[SummaryFigure.WeightDone] / weight;
        var reviewed = counts.ItemsClosed + counts.ItemsReported + counts[SummaryFigure.Returns];
        var accepted = reviewed == 0 ? 0 : (double)counts.ItemsClosed / reviewed;
        var overdue = (double)counts.ItemsOverdue / items;
        var raw = (100 * ((OnTimeWeight * onTimeShare) + (CompletionWeight * completion) + (AcceptedWeight * accepted))) - (OverdueDeduction * overdue);
        return new AssessmentScore(Math.Round(Math.Clamp(raw, 0, 100), 2), onTimeShare, completion, accepted, overdue, counts.ItemsOverdue);
    }
}
