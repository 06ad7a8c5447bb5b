namespace GovOpenness.Abstractions.Plans;

/// <summary>The plan after a localization, with what a supervisor should check (e.g. 期限已过).</summary>
[GenerateSerializer, Immutable, Alias("gov.LocalizeResult")]
public sealed record LocalizeResult(
    [property: Id(0)] EffectivePlan Plan,
    [property: Id(1)] IReadOnlyList<string> Warnings);
