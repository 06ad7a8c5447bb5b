using GovOpenness.Domain.Plans;

namespace GovOpenness.Abstractions.Plans;

/// <summary>One item of a plan as published: the part of <see cref="PlanItem"/> that the cascade carries.</summary>
[GenerateSerializer, Immutable, Alias("gov.PlanItemData")]
public sealed record PlanItemData(
    [property: Id(0)] string Id,
    [property: Id(1)] string Heading,
    [property: Id(2)] string Text,
    [property: Id(3)] IReadOnlyList<DeadlineData> Deadlines,
    [property: Id(4)] IReadOnlyList<string> Units,
    [property: Id(5)] int Depth = 2,
    [property: Id(6)] int Weight = 1)
{
    public static PlanItemData From(PlanItem item) =>
        new(item.Id, item.Heading, item.Text, [.. item.Deadlines.Select(DeadlineData.From)], [.. item.Units], item.Depth, item.Weight);

    /// <summary>The domain's item; the depth survives as a numbering path of that length (labels are not carried).</summary>
    public PlanItem ToDomain() =>
        new(Id, [.. Enumerable.Repeat(string.Empty, Math.Max(Depth, 1))], Heading, Text,
            [.. Deadlines.Select(d => d.ToDomain())], [.. Units], 0, Weight);
}
