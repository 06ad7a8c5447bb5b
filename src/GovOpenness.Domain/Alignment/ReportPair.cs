namespace GovOpenness.Domain.Alignment;

/// <summary>One aligned pair in a report; <see cref="Change"/> and <see cref="Flags"/> use <see cref="ChangeNames.Code(AlignmentChange)"/>.</summary>
public sealed record ReportPair(
    string ChildId,
    string ChildHeading,
    IReadOnlyList<string> ParentIds,
    string ParentHeading,
    string Change,
    IReadOnlyList<string> Flags,
    IReadOnlyList<ReportShift> DeadlineShifts,
    double Confidence,
    bool Doubtful)
{
    public static ReportPair From(AlignedPair pair, AlignmentOptions options) => new(
        pair.Child.Id,
        pair.Child.Heading.Trim(),
        [.. pair.Parents.Select(p => p.Id)],
        string.Join("；", pair.Parents.Select(p => p.Heading.Trim())),
        ChangeNames.Code(pair.Change),
        [.. pair.Flags.Select(ChangeNames.Code)],
        [.. pair.DeadlineShifts.Select(ReportShift.Of)],
        pair.Confidence,
        pair.IsDoubtful(options));
}
