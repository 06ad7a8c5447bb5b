namespace GovOpenness.Domain.Localization.Samples;

/// <summary>A department the sample cascade needs that the division data does not hold.</summary>
public sealed record SampleDepartment(string Id, string Name, string ParentId);
