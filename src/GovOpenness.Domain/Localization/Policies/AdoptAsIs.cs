using GovOpenness.Domain.Calendar;

namespace GovOpenness.Domain.Localization;

/// <summary>Takes the parent's plan unchanged.</summary>
public sealed record AdoptAsIs : LocalizationPolicy
{
    public override IEnumerable<LocalizationChange> Changes(PublishedPlan parent, WorkingDayCalendar calendar) => [];
}
