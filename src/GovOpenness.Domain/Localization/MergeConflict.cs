namespace GovOpenness.Domain.Localization;

/// <summary>A child's change that a parent revision touched: flagged for a person, never dropped silently.</summary>
/// <param name="ItemId">The item concerned (its id in the old parent plan).</param>
/// <param name="Kind">What happened.</param>
/// <param name="Message">The explanation in Chinese.</param>
/// <param name="ChildChange">The child's change as it was before the rebase.</param>
/// <param name="CarriedOver">Whether the change (possibly adjusted) is in the rebased localization.</param>
public sealed record MergeConflict(string ItemId, ConflictKind Kind, string Message, LocalizationChange ChildChange, bool CarriedOver);
