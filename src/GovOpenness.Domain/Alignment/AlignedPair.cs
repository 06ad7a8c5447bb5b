using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Alignment;

/// <summary>One child item and the parent item(s) it carries out.</summary>
/// <param name="Child">The child's item.</param>
/// <param name="Parents">The parent items it carries out, best match first.</param>
/// <param name="Change">The primary kind of change (see <see cref="AlignmentChange"/> for the order).</param>
/// <param name="Flags">Every kind of change that applies, the primary one included.</param>
/// <param name="DeadlineShifts">The deadlines as from → to.</param>
/// <param name="Confidence">0–1: how sure the match is; low values are for a person to review.</param>
/// <param name="Score">The raw match score of the best parent (for diagnostics).</param>
/// <param name="TextSimilarity">0–1 similarity of the wording to the parents' wording.</param>
public sealed record AlignedPair(
    PlanItem Child,
    IReadOnlyList<PlanItem> Parents,
    AlignmentChange Change,
    IReadOnlyList<AlignmentChange> Flags,
    IReadOnlyList<DeadlineShift> DeadlineShifts,
    double Confidence,
    double Score,
    double TextSimilarity)
{
    /// <summary>Whether the pair is uncertain enough to show for review.</summary>
    public bool IsDoubtful(AlignmentOptions? options = null) => Confidence < (options ?? AlignmentOptions.Default).DoubtfulBelow;
}
