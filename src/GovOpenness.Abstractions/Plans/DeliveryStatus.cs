namespace GovOpenness.Abstractions.Plans;

/// <summary>How far a body's delivery of one version to its subtree has got.</summary>
/// <param name="Pending">Children whose subtree has not yet acknowledged this version.</param>
[GenerateSerializer, Immutable, Alias("gov.DeliveryStatus")]
public sealed record DeliveryStatus(
    [property: Id(0)] int Year,
    [property: Id(1)] string Stamp,
    [property: Id(2)] bool Complete,
    [property: Id(3)] IReadOnlyList<string> Pending);
