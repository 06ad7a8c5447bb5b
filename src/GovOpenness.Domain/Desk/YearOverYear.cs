using GovOpenness.Domain.Alignment;
using GovOpenness.Domain.Plans;
using GovOpenness.Domain.Progress;

namespace GovOpenness.Domain.Desk;

/// <summary>One item in a 回头看 comparison: its id, heading, and the other year's items it matches.</summary>
/// <param name="Status">For last year's items: the step it ended at (未签收 … 已办结).</param>
/// <param name="CarriedInto">For last year's items never closed: this year's items that carry them on, if any.</param>
public sealed record ComparedItem(string ItemId, string Heading, IReadOnlyList<string> Matches, string? Change = null, double? Confidence = null)
{
    public string? Status { get; init; }

    public IReadOnlyList<string> CarriedInto { get; init; } = [];
}

/// <summary>
/// 回头看: a body's plan for a year against its plan for an earlier year, aligned item by item with the
/// document aligner (reworded, merged, split items found by their wording): what carried over, what is
/// new, what was dropped, and which of last year's items were never closed (and whether this year's
/// plan picks them up again).
/// </summary>
public sealed record YearOverYear(
    string BodyId,
    int Year,
    int With,
    IReadOnlyList<ComparedItem> CarriedOver,
    IReadOnlyList<ComparedItem> New,
    IReadOnlyList<ComparedItem> Dropped,
    IReadOnlyList<ComparedItem> NeverClosed,
    double Coverage)
{
    /// <summary>
    /// Compares <paramref name="earlier"/> (the <paramref name="with"/> plan) to <paramref name="later"/>; the
    /// earlier year's progress says which items were never closed. Headings (一、 and sub-sections with items under them) are not items.
    /// </summary>
    public static YearOverYear Of(string bodyId, PlanDocument earlier, PlanDocument later, BodyProgress earlierProgress)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        ArgumentNullException.ThrowIfNull(earlierProgress);
        var result = DocumentAligner.Align(earlier, later, AlignmentOptions.YearOverYear);
        var carried = result.Pairs.Where(p => p.Parents.Count > 0).ToList();
        var into = carried
            .SelectMany(p => p.Parents.Select(parent => (Earlier: parent.Id, Later: p.Child.Id)))
            .GroupBy(x => x.Earlier)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(x => x.Later).Distinct()]);

        var headings = PlanStructure.Headings([.. earlier.Items.Select(i => i.Depth)]);
        var neverClosed = earlier.Items
            .Where((item, i) => !headings[i])
            .Select(item => (item, status: earlierProgress.TargetOf(item.Id) is null ? (ItemStatus?)null : earlierProgress.ProgressOf(item.Id).Status))
            .Where(x => x.status is not null and not ItemStatus.Closed)
            .Select(x => new ComparedItem(x.item.Id, HeadingOf(x.item), []) { Status = ProgressNames.Of(x.status!.Value), CarriedInto = into.GetValueOrDefault(x.item.Id) ?? [] })
            .ToList();

        return new YearOverYear(
            bodyId,
            later.Year,
            earlier.Year,
            [.. carried.Select(p => new ComparedItem(p.Child.Id, HeadingOf(p.Child), [.. p.Parents.Select(x => x.Id)], ChangeNames.Label(p.Change), Math.Round(p.Confidence, 2)))],
            [.. result.Added.Select(i => new ComparedItem(i.Id, HeadingOf(i), []))],
            [.. result.Dropped.Select(i => new ComparedItem(i.Id, HeadingOf(i), []))],
            neverClosed,
            Math.Round(result.Coverage, 3));
    }

    private static string HeadingOf(PlanItem item) => item.Heading.Length > 0 ? item.Heading : item.Text.Length > 40 ? item.Text[..40] + "…" : item.Text;
}
