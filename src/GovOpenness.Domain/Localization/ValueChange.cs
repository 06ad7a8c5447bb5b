namespace GovOpenness.Domain.Localization;

/// <summary>A value as the parent has it and as the body has it, e.g. a deadline
/// <c>{"from": "2022-11-30", "to": "2022-07-31"}</c>.</summary>
public sealed record ValueChange<T>(T From, T To);
