using GovOpenness.Domain.Calendar;

namespace GovOpenness.Domain.Localization;

/// <summary>Takes the parent's plan unchanged.</summary>
public sealed record AdoptAsIs : DeadlinePolicy
{
    public override DateOnly Move(DateOnly parentDate, in DeadlineContext context) => parentDate;

    // Most bodies adopt as is: no walk over the parent's items.
    public override IEnumerable<LocalizationChange> Changes(PublishedPlan parent, WorkingDayCalendar calendar, string? bodyId = null) => [];

    public override string? Problem() => null;

    protected override string DescribeRule() => "沿用上级时限";
}
