namespace GovOpenness.Domain.Alignment;

/// <summary>
/// The alignment as plain data for JSON (CLI, API, viewer): ids, headings, codes and dates as
/// yyyy-MM-dd strings. Build with <see cref="From"/>.
/// </summary>
public sealed record AlignmentReport(
    ReportPlan Parent,
    ReportPlan Child,
    double Coverage,
    double MeanConfidence,
    IReadOnlyList<ReportPair> Pairs,
    IReadOnlyList<ReportPair> Sections,
    IReadOnlyList<ReportItem> Dropped,
    IReadOnlyList<ReportItem> Added,
    EscalationIndex EscalationIndex)
{
    public static AlignmentReport From(AlignmentResult result, AlignmentOptions? options = null)
    {
        options ??= AlignmentOptions.Default;
        return new AlignmentReport(
            ReportPlan.From(result.Parent),
            ReportPlan.From(result.Child),
            result.Coverage,
            Math.Round(result.MeanConfidence, 3),
            [.. result.Pairs.Select(p => ReportPair.From(p, options))],
            [.. result.Sections.Select(p => ReportPair.From(p, options))],
            [.. result.Dropped.Select(ReportItem.From)],
            [.. result.Added.Select(ReportItem.From)],
            result.Escalation);
    }
}
