using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Alignment;


/// <summary>Everything the scorer compares about one item, computed once per alignment.</summary>
internal sealed class ItemProfile
{
    public required PlanItem Item { get; init; }

    /// <summary>Position among the compared items of its document, 0 (first) to 1 (last).</summary>
    public required double RelativePosition { get; init; }

    /// <summary>The wording in matching form: heading, then body, then (for sections) the items below.</summary>
    public required string MatchingText { get; init; }

    public required IReadOnlyList<string> SegmentTexts { get; init; }

    public required IReadOnlyList<string> ClauseTexts { get; init; }

    public Clause[] Clauses { get; set; } = [];

    /// <summary>Distinct gram ids of the whole item, sorted.</summary>
    public int[] GramIds { get; set; } = [];

    public SparseVector Vector { get; set; } = SparseVector.Empty;

    public SparseVector HeadingVector { get; set; } = SparseVector.Empty;

    /// <summary>The heading of the top section the item sits in (empty for a section itself).</summary>
    public required string SectionHeading { get; init; }

    public SparseVector SectionVector { get; set; } = SparseVector.Empty;

    /// <summary>Unit names reduced to their function (司法, 公安), so 省司法厅 and 市司法局 compare equal.</summary>
    public required IReadOnlySet<string> UnitKeys { get; init; }

    public int TotalLength => Clauses.Sum(s => s.Length);
}
