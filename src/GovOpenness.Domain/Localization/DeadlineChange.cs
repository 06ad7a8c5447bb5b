using System.Text.Json.Serialization;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Localization;

/// <summary>One of an item's deadlines moved by the body.</summary>
/// <param name="Index">Its position among the item's deadlines.</param>
/// <param name="Kind">The deadline's kind.</param>
/// <param name="From">The parent's date (null when the body added a deadline the parent had not).</param>
/// <param name="To">The body's date.</param>
public sealed record DeadlineChange(
    int Index,
    DeadlineKind Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateOnly? From,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateOnly? To);
