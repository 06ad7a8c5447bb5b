namespace GovOpenness.Domain.Localization;

/// <summary>One changed field of one item, as the diff API and the plan's notes show it.</summary>
/// <param name="Field">"deadline", "units", "heading" or "text".</param>
/// <param name="From">The parent's value (an ISO date for a deadline, units joined by "、"); null when there was none.</param>
/// <param name="To">The body's value.</param>
/// <param name="Reason">Why, where the change says: "经批准的例外" for an approved later deadline.</param>
/// <param name="ByPolicy">Whether the body's policy made the change rather than the body by hand.</param>
public sealed record DiffNote(string Field, string? From, string? To, string? Reason = null, bool ByPolicy = false);
