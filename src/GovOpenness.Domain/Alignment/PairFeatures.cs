namespace GovOpenness.Domain.Alignment;

/// <summary>
/// The evidence that a child item carries out a parent item, each part 0–1, and their weighted sum.
/// </summary>
/// <param name="ItemCosine">TF-IDF cosine of the whole items.</param>
/// <param name="ChildCovered">Share of the child's sentences (by length) found again in the parent.</param>
/// <param name="ParentCovered">Share of the parent's sentences (by length) found again in the child.</param>
/// <param name="HeadingCosine">Cosine of the two headings.</param>
/// <param name="SectionCosine">Cosine of the headings of the sections the two items sit in.</param>
/// <param name="PositionCloseness">1 minus the distance of their relative positions.</param>
/// <param name="SharedDeadline">1 when both name a deadline on the same month and day.</param>
/// <param name="SharedUnit">1 when both name a unit of the same function.</param>
internal readonly record struct PairFeatures(
    double ItemCosine,
    double ChildCovered,
    double ParentCovered,
    double HeadingCosine,
    double SectionCosine,
    double PositionCloseness,
    double SharedDeadline,
    double SharedUnit)
{
    /// <summary>
    /// The match score. Why each weight:
    /// <list type="bullet">
    /// <item>ItemCosine (0.30): the overall topic overlap; robust to reordered sentences.</item>
    /// <item>max(ChildCovered, ParentCovered) (0.30): sentence-level reuse. A split child is a small part
    /// of its parent (child covered, parent not), a merged child holds all of a smaller parent (the
    /// reverse); the cosine of whole items undervalues both, the better direction does not.</item>
    /// <item>min(ChildCovered, ParentCovered) (0.10): rewards the plain 1-to-1 carry-over over a partial one,
    /// so the global assignment prefers the child that carries the whole parent.</item>
    /// <item>HeadingCosine (0.14): a heading names the task (行政执法, 重大建设项目) and survives rewording of
    /// the body ("以行政执法公开促法治" → "做好行政执法信息公开").</item>
    /// <item>SectionCosine (0.06) and PositionCloseness (0.04): structure; children mostly keep the parent's
    /// grouping and order, but often reorder, so these only break ties between similar candidates.</item>
    /// <item>SharedDeadline, SharedUnit (0.03 each): the same date or the same office is corroboration
    /// between two candidates with similar wording, never evidence on its own (the child moves dates and
    /// names its own offices, which is what we want to report, not be misled by).</item>
    /// </list>
    /// </summary>
    public double Score =>
        (0.30 * ItemCosine)
        + (0.30 * Math.Max(ChildCovered, ParentCovered))
        + (0.10 * Math.Min(ChildCovered, ParentCovered))
        + (0.14 * HeadingCosine)
        + (0.06 * SectionCosine)
        + (0.04 * PositionCloseness)
        + (0.03 * SharedDeadline)
        + (0.03 * SharedUnit);

    /// <summary>The textual evidence alone, without the structural tie-breakers.</summary>
    public double TextScore => (0.5 * ItemCosine) + (0.5 * Math.Max(ChildCovered, ParentCovered));
}
