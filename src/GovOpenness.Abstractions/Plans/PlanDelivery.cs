namespace GovOpenness.Abstractions.Plans;

/// <summary>What a parent sends each child: its effective plan and the policy the child inherits.</summary>
[GenerateSerializer, Immutable, Alias("gov.PlanDelivery")]
public sealed record PlanDelivery(
    [property: Id(0)] int Year,
    [property: Id(1)] EffectivePlan Plan,
    [property: Id(2)] LocalizationPolicyData? Policy);
