using System.Text.Json.Serialization;

namespace GovOpenness.Domain.Plans;

/// <summary>One deadline on the wire; <c>date</c> and <c>days</c> only where they apply.</summary>
public sealed record PlanJsonDeadline(
    string Text,
    DeadlineKind Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? Date,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Days)
{
    public static PlanJsonDeadline From(Deadline d) => new(d.Text, d.Kind, d.Date, d.Days);

    public Deadline ToDeadline() => new(Text, Kind, Date, Days);
}
