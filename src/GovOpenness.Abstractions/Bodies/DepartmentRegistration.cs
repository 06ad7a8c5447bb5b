namespace GovOpenness.Abstractions.Bodies;

/// <summary>A department to add under an existing body, e.g. 14.sthj 山西省生态环境厅 under 14.</summary>
[GenerateSerializer, Immutable, Alias("gov.DepartmentRegistration")]
public sealed record DepartmentRegistration(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string ParentId);
