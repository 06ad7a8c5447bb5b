using GovOpenness.Domain.Progress;

namespace GovOpenness.Server.Apis;

/// <summary>
/// What <c>GET /summary</c> answers and the live feed pushes: the subtree summary, its light and 考核
/// score, and the children ranked (the progress grain writes this shape as JSON).
/// </summary>
public sealed record SummaryView(SubtreeSummary Summary, ProgressLight Light, AssessmentScore Score, IReadOnlyList<RankedBody> Ranking);
