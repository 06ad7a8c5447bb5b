using GovOpenness.Domain.Hierarchy;
using GovOpenness.Domain.Progress;

namespace GovOpenness.Domain.Desk;

/// <summary>What the 台账 shows of one plan item besides its progress: its wording, deadline and units.</summary>
/// <param name="Depth">1 for a chapter (一、二、…), 2 and more for the tasks under it.</param>
public sealed record LedgerItem(string ItemId, string Heading, string DeadlineText, IReadOnlyList<string> Units, int Depth = 2);

/// <summary>
/// One body as the supervisor's desk reads it: who and where it is, its plan's items and its progress
/// record for the year (targets included, as the progress grain derived them).
/// </summary>
/// <param name="Path">From the State Council down to the body itself.</param>
public sealed record BodySheet(Body Body, IReadOnlyList<Body> Path, BodyProgress Progress, IReadOnlyList<LedgerItem> Items)
{
    /// <summary>"山西省 › 吕梁市 › 孝义市": the path without the State Council, which heads every path.</summary>
    public string PathText => string.Join(" › ", Path.Where(p => p.Id != BodyId.Nation).Select(p => p.Name));

    /// <summary>The item's wording and units; null for a target the plan items do not describe.</summary>
    public LedgerItem? ItemOf(string itemId) => Items.FirstOrDefault(i => i.ItemId == itemId);
}
