using GovOpenness.Domain.Plans;

namespace GovOpenness.Abstractions.Plans;

/// <summary>A deadline as it crosses grain and HTTP boundaries (mirrors <see cref="Deadline"/>).</summary>
[GenerateSerializer, Immutable, Alias("gov.DeadlineData")]
public sealed record DeadlineData(
    [property: Id(0)] string Text,
    [property: Id(1)] DeadlineKind Kind,
    [property: Id(2)] DateOnly? Date = null,
    [property: Id(3)] int? Days = null)
{
    /// <summary>The date by which the item must be done, where the deadline sets one.</summary>
    public DateOnly? DueDate => Kind is DeadlineKind.By or DeadlineKind.Target or DeadlineKind.Recurring ? Date : null;

    public static DeadlineData From(Deadline d) => new(d.Text, d.Kind, d.Date, d.Days);

    public Deadline ToDomain() => new(Text, Kind, Date, Days);
}
