using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Parsing.Deadlines;

/// <summary>
/// "2021年底，全省已建成…" in a 2022 plan tells what happened before the plan's year: a date phrase
/// with no marker of a deadline (前, 内, 止, 到, 至) that ends before the plan's year begins is
/// narration, not a deadline. With a marker ("2021年底前") it stays a deadline, already passed,
/// which the supervisor checks report.
/// </summary>
internal static class PastNarration
{
    public static bool IsPastNarration(DeadlineCandidate candidate, string normalized, int planYear) =>
        candidate.Kind is DeadlineKind.By or DeadlineKind.Target
        && candidate.Date is { } date
        && date.Year < planYear
        && normalized.AsSpan(candidate.Start, candidate.Length).IndexOfAny("前内止到至") < 0;
}
