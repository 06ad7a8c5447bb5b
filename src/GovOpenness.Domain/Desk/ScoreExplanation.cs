using System.Globalization;
using GovOpenness.Domain.Progress;

namespace GovOpenness.Domain.Desk;

/// <summary>One part of the 考核 score: what was counted, the share, its weight and the points it gives.</summary>
/// <param name="Key">onTime, completion, accepted or overdue (the deduction).</param>
/// <param name="Name">The part's name as supervisors say it (按时完成率 …).</param>
/// <param name="Numerator">What the share counts.</param>
/// <param name="Denominator">What it is out of (0: the share is given by rule, see <paramref name="Words"/>).</param>
/// <param name="Weight">Points the part is worth at a share of 1 (the deduction: points taken at a share of 1).</param>
/// <param name="Points">Points given (negative for the deduction).</param>
/// <param name="Words">The whole computation in words, e.g. "按时完成率 = 按时完成 3 项 ÷ 应完成 5 项 = 60.0%，占 40 分，得 24.00 分".</param>
public sealed record ScorePart(string Key, string Name, long Numerator, long Denominator, double Share, double Weight, double Points, string Words);

/// <summary>A child's score beside the parent's explanation (a line to open into).</summary>
public sealed record ChildScore(int Rank, string BodyId, string Name, double Score, long Items);

/// <summary>
/// "How was the 考核 score computed": its parts, weights and the floor, in words, for a body's subtree
/// counts (or its own). A year without a plan says so instead of giving a zero that would rank.
/// </summary>
public sealed record ScoreExplanation(
    string BodyId,
    int Year,
    bool HasPlan,
    double Score,
    double Raw,
    IReadOnlyList<ScorePart> Parts,
    string Words)
{
    /// <summary>The children ranked by their subtree scores; children without a plan are left out of the ranking.</summary>
    public IReadOnlyList<ChildScore> Children { get; init; } = [];

    /// <summary>The day the counts were judged on.</summary>
    public DateOnly? AsOf { get; init; }

    public static ScoreExplanation Of(string bodyId, int year, SummaryCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Items == 0)
        {
            return new ScoreExplanation(bodyId, year, false, 0, 0, [],
                $"{year}年度没有工作要点（或尚未下达到本级及下级），不计算考核得分，也不排名。");
        }

        var score = AssessmentScore.Of(counts);
        var onTime = counts[SummaryFigure.ItemsDoneOnTime];
        var late = counts[SummaryFigure.ItemsDoneLate];
        var overdue = counts.ItemsOverdue;
        var due = onTime + late + overdue;
        var weightDone = counts[SummaryFigure.WeightDone];
        var weightTotal = counts[SummaryFigure.WeightTotal];
        var closed = counts.ItemsClosed;
        var reported = counts[SummaryFigure.ItemsReported];
        var returns = counts[SummaryFigure.Returns];
        var reviewed = closed + reported + returns;

        var onTimePoints = 100 * AssessmentScore.OnTimeWeight * score.OnTimeShare;
        var completionPoints = 100 * AssessmentScore.CompletionWeight * score.CompletionShare;
        var acceptedPoints = 100 * AssessmentScore.AcceptedWeight * score.AcceptedShare;
        var deduction = AssessmentScore.OverdueDeduction * score.OverdueShare;
        var raw = onTimePoints + completionPoints + acceptedPoints - deduction;

        ScorePart[] parts =
        [
            new("onTime", "按时完成率", onTime, due, score.OnTimeShare, 100 * AssessmentScore.OnTimeWeight, onTimePoints,
                due == 0
                    ? $"按时完成率：尚无到期事项，按 100% 计，占 {P(100 * AssessmentScore.OnTimeWeight)} 分，得 {P(onTimePoints)} 分"
                    : $"按时完成率 = 按时完成 {onTime} 项 ÷（按时完成 {onTime} + 逾期后完成 {late} + 逾期未完成 {overdue}）项 = {S(score.OnTimeShare)}，占 {P(100 * AssessmentScore.OnTimeWeight)} 分，得 {P(onTimePoints)} 分"),
            new("completion", "完成率（按权重）", weightDone, weightTotal, score.CompletionShare, 100 * AssessmentScore.CompletionWeight, completionPoints,
                $"完成率 = 已反馈或已办结事项的权重 {weightDone} ÷ 全部事项权重 {weightTotal} = {S(score.CompletionShare)}，占 {P(100 * AssessmentScore.CompletionWeight)} 分，得 {P(completionPoints)} 分"),
            new("accepted", "复核通过率", closed, reviewed, score.AcceptedShare, 100 * AssessmentScore.AcceptedWeight, acceptedPoints,
                reviewed == 0
                    ? $"复核通过率：尚无事项反馈，按 0 计，占 {P(100 * AssessmentScore.AcceptedWeight)} 分，得 0.00 分"
                    : $"复核通过率 = 已办结 {closed} 项 ÷（已办结 {closed} + 待复核 {reported} 项 + 被退回 {returns} 次）= {S(score.AcceptedShare)}，占 {P(100 * AssessmentScore.AcceptedWeight)} 分，得 {P(acceptedPoints)} 分"),
            new("overdue", "逾期扣分", overdue, counts.Items, score.OverdueShare, AssessmentScore.OverdueDeduction, -deduction,
                $"逾期扣分 = {P(AssessmentScore.OverdueDeduction)} 分 × 逾期未完成 {overdue} 项 ÷ 全部 {counts.Items} 项 = 扣 {P(deduction)} 分"),
        ];

        var floor = raw < 0
            ? $"合计 {P(raw)} 分低于 0 分，按保底 0 分计"
            : raw > 100 ? $"合计 {P(raw)} 分高于 100 分，按 100 分计" : "得分在 0 至 100 分之间（低于 0 分按 0 分计）";
        var words = $"考核得分 = {P(onTimePoints)} + {P(completionPoints)} + {P(acceptedPoints)} − {P(deduction)} = {P(raw)} 分；{floor}，最终 {P(score.Score)} 分。" +
            "逾期未完成的事项计两次：既降低按时完成率，又另行扣分。";
        return new ScoreExplanation(bodyId, year, true, score.Score, Math.Round(raw, 2), parts, words);
    }

    private static string P(double points) => points.ToString("0.00", CultureInfo.InvariantCulture);

    private static string S(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
