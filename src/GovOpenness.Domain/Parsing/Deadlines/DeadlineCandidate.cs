using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Parsing.Deadlines;

/// <summary>
/// One phrase found in the text: a deadline, an impossible date to report, or a plain date that is
/// neither (kept so that it claims its characters and no shorter phrase inside it is misread).
/// </summary>
/// <param name="Start">Index of the phrase in the text (normalization keeps indexes).</param>
/// <param name="Length">Length of the phrase.</param>
/// <param name="Kind">The deadline kind, when the phrase is a deadline.</param>
/// <param name="Date">The normalized date, where the kind has one.</param>
/// <param name="Days">The working days, for <see cref="DeadlineKind.WorkingDays"/>.</param>
/// <param name="Problem">Why the date is impossible (Chinese), when it is.</param>
internal readonly record struct DeadlineCandidate(
    int Start,
    int Length,
    DeadlineKind? Kind,
    DateOnly? Date = null,
    int? Days = null,
    string? Problem = null)
{
    public int End => Start + Length;

    public static DeadlineCandidate Invalid(int start, int length, string problem) => new(start, length, null, Problem: problem);

    public static DeadlineCandidate NotADeadline(int start, int length) => new(start, length, null);
}
