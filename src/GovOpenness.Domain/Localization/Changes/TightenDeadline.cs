using System.Text.Json.Serialization;

namespace GovOpenness.Domain.Localization;

/// <summary>
/// Moves an item's deadline earlier (the only direction a child may go without approval).
/// </summary>
/// <param name="ItemId">The parent item.</param>
/// <param name="NewDate">The body's deadline.</param>
/// <param name="ApprovedException">True when a later date than the parent's was explicitly approved;
/// only then may <paramref name="NewDate"/> be later than the parent's deadline.</param>
/// <param name="DeadlineIndex">Which of the item's deadlines (0-based, in the order the item states
/// them); null for all of them: each dated deadline later than <paramref name="NewDate"/> becomes
/// <paramref name="NewDate"/>, and an item without a dated deadline gets one. An index, not the parent's
/// date, names the deadline so that when the parent later moves it the child's date still applies as
/// min(child's, parent's).</param>
public sealed record TightenDeadline(string ItemId, DateOnly NewDate, bool ApprovedException = false, int? DeadlineIndex = null)
    : LocalizationChange(ItemId)
{
    public override string Describe() =>
        $"期限提前至{NewDate:yyyy-MM-dd}" + (ApprovedException ? "（经批准的例外）" : "");
}
