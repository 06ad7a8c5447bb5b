namespace GovOpenness.Abstractions.Plans;

/// <summary>
/// How a body adopts its parent's plan automatically. It is stored once, where it is set, and passed
/// down with each delivery: the bodies that follow it store nothing.
/// </summary>
/// <param name="DeadlineWorkingDaysBefore">Every dated deadline this many working days before the parent's.</param>
/// <param name="UnitMapping">Responsible units renamed for this level, e.g. "省直各部门" → "市直各部门".</param>
[GenerateSerializer, Immutable, Alias("gov.LocalizationPolicyData")]
public sealed record LocalizationPolicyData(
    [property: Id(0)] int? DeadlineWorkingDaysBefore = null,
    [property: Id(1)] IReadOnlyDictionary<string, string>? UnitMapping = null);
