namespace GovOpenness.Domain.Localization;

/// <summary>A parent item the body does not carry out, and why.</summary>
/// <param name="ItemId">The parent item.</param>
/// <param name="Heading">Its heading, so a supervisor sees what was dropped.</param>
/// <param name="Reason">The body's reason, e.g. "本级不涉及".</param>
public sealed record DroppedItem(string ItemId, string Heading, string Reason);
