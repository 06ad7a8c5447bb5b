namespace GovOpenness.Domain.Progress;

/// <summary>
/// Everything a body's supervisors see about its subtree (the body included), as returned by
/// <c>GET /api/bodies/{id}/summary?year=</c>:
/// <c>{"bodyId":"14","year":2022,"counts":{"bodies":1234,…},"extremes":{"maxPublishDelayDays":12,
/// "maxOverdueDays":40,"offenders":[{"bodyId":"141181001","overdueItems":3,"overdueDaysSum":95,
/// "maxOverdueDays":40}]}}</c>.
/// </summary>
/// <param name="BodyId">The subtree's root.</param>
/// <param name="Year">The plan's year.</param>
/// <param name="Counts">Sums over the subtree.</param>
/// <param name="Extremes">Maxima and the worst offenders of the subtree.</param>
public sealed record SubtreeSummary(string BodyId, int Year, SummaryCounts Counts, SummaryExtremes Extremes)
{
    /// <summary>The traffic light of the whole subtree: red if any item is red, yellow if any is yellow.</summary>
    public ProgressLight Light =>
        Counts.ItemsOverdue > 0 ? ProgressLight.Red : Counts.ItemsDueSoon > 0 ? ProgressLight.Yellow : ProgressLight.Green;

    /// <summary>The 考核 score of the subtree's counts (see README).</summary>
    public AssessmentScore Score => AssessmentScore.Of(Counts);
}
