namespace GovOpenness.Domain.Alignment;

/// <summary>
/// The alignment as plain data for JSON (CLI, API, viewer): ids, headings, codes and dates as
/// yyyy-MM-dd strings. Every tier the aligner pairs (leaf items, top sections, sub-sections) reports its
/// pairs, what the parent has that the child lacks, and what the child adds. Build with <see cref="From"/>.
/// </summary>
/// <param name="Pairs">Leaf items.</param>
/// <param name="Sections">Top sections (一、).</param>
/// <param name="Dropped">Parent leaf items no child item carries out.</param>
/// <param name="Added">Child leaf items with no parent counterpart.</param>
/// <param name="SectionsDropped">Parent top sections with no child counterpart.</param>
/// <param name="SectionsAdded">Child top sections with no parent counterpart.</param>
/// <param name="Subsections">Sub-sections (（一） with items below it) paired with sub-sections.</param>
/// <param name="SubsectionsDropped">Parent sub-sections with no child counterpart.</param>
/// <param name="SubsectionsAdded">Child sub-sections with no parent counterpart.</param>
public sealed record AlignmentReport(
    ReportPlan Parent,
    ReportPlan Child,
    double Coverage,
    double MeanConfidence,
    IReadOnlyList<ReportPair> Pairs,
    IReadOnlyList<ReportPair> Sections,
    IReadOnlyList<ReportItem> Dropped,
    IReadOnlyList<ReportItem> Added,
    IReadOnlyList<ReportItem> SectionsDropped,
    IReadOnlyList<ReportItem> SectionsAdded,
    IReadOnlyList<ReportPair> Subsections,
    IReadOnlyList<ReportItem> SubsectionsDropped,
    IReadOnlyList<ReportItem> SubsectionsAdded,
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
            [.. result.SectionsDropped.Select(ReportItem.From)],
            [.. result.SectionsAdded.Select(ReportItem.From)],
            [.. result.Subsections.Select(p => ReportPair.From(p, options))],
            [.. result.SubsectionsDropped.Select(ReportItem.From)],
            [.. result.SubsectionsAdded.Select(ReportItem.From)],
            result.Escalation);
    }
}
