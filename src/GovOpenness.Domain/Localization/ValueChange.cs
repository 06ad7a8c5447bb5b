using System.Text.Json.Serialization;

namespace GovOpenness.Domain.Localization;

/// <summary>A value as the parent has it and as the body has it, e.g. a deadline
/// <c>{"from": "2022-11-30", "to": "2022-07-31"}</c>.</summary>
/// <remarks>Both sides are always written, null included ("from": null for a deadline the parent had not).</remarks>
public sealed record ValueChange<T>(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] T From,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] T To);
