using System.Text.Json.Serialization;

namespace GovOpenness.Domain.Progress;

/// <summary>The result of applying an update to an item.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Item">The item's progress afterwards (unchanged unless applied).</param>
/// <param name="Message">For a rejection, the reason in Chinese, naming the item and both steps.</param>
public sealed record ProgressOutcome(ProgressOutcomeKind Kind, ItemProgress Item, string? Message = null)
{
    [JsonIgnore]
    public bool IsApplied => Kind == ProgressOutcomeKind.Applied;

    [JsonIgnore]
    public bool IsRejected => Kind == ProgressOutcomeKind.Rejected;
}
