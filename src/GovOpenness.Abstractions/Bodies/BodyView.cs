namespace GovOpenness.Abstractions.Bodies;

/// <summary>A body with its parent and one page of its children (a province has thousands below it).</summary>
[GenerateSerializer, Immutable, Alias("gov.BodyView")]
public sealed record BodyView(
    [property: Id(0)] BodyInfo Body,
    [property: Id(1)] BodyInfo? Parent,
    [property: Id(2)] IReadOnlyList<BodyInfo> Children,
    [property: Id(3)] int ChildCount,
    [property: Id(4)] int Skip,
    [property: Id(5)] IReadOnlyList<int> PublishedYears);
