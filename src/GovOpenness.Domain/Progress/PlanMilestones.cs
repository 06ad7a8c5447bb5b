using System.Text.Json.Serialization;

namespace GovOpenness.Domain.Progress;

/// <summary>
/// When the plan reached the body and what it did with it, for "received / localized / published,
/// and how late" counts. Lateness is measured in calendar days after the parent issued its plan.
/// </summary>
/// <param name="ParentIssuedOn">The day the parent published the plan the body received.</param>
/// <param name="ReceivedOn">The day the plan was delivered to the body.</param>
/// <param name="LocalizedOn">The day the body settled its localization (adopting all as is counts).</param>
/// <param name="PublishedOn">The day the body published its own plan (to its children, if any).</param>
public sealed record PlanMilestones(
    DateOnly? ParentIssuedOn = null,
    DateOnly? ReceivedOn = null,
    DateOnly? LocalizedOn = null,
    DateOnly? PublishedOn = null)
{
    public static PlanMilestones None { get; } = new();

    /// <summary>Days from the parent's issue to the body's receipt; 0 when unknown or not yet received.</summary>
    [JsonIgnore]
    public int ReceiveDelayDays => DaysAfterParent(ReceivedOn);

    /// <summary>Days from the parent's issue to the body's own publication; 0 when not published.</summary>
    [JsonIgnore]
    public int PublishDelayDays => DaysAfterParent(PublishedOn);

    /// <summary>
    /// Both records merged, each milestone at its earliest known day: a repeated, reordered or
    /// re-delivered note never moves a milestone later, so merging is idempotent and commutative.
    /// </summary>
    public PlanMilestones EarliestOf(PlanMilestones other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(
            Earliest(ParentIssuedOn, other.ParentIssuedOn),
            Earliest(ReceivedOn, other.ReceivedOn),
            Earliest(LocalizedOn, other.LocalizedOn),
            Earliest(PublishedOn, other.PublishedOn));
    }

    private static DateOnly? Earliest(DateOnly? a, DateOnly? b) =>
        a is { } x && b is { } y ? (x <= y ? x : y) : a ?? b;

    private int DaysAfterParent(DateOnly? day) =>
        day is { } d && ParentIssuedOn is { } p ? Math.Max(0, d.DayNumber - p.DayNumber) : 0;
}
