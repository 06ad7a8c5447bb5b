using System.Collections.Immutable;
using GovOpenness.Domain.Calendar;

namespace GovOpenness.Domain.Localization;

/// <summary>Several policies together; how their changes combine is on <c>PolicyChanges.Combine</c>
/// (earliest deadline wins, later units win).</summary>
public sealed record CompositePolicy(ImmutableArray<LocalizationPolicy> Policies) : LocalizationPolicy
{
    public override IEnumerable<LocalizationChange> Changes(PublishedPlan parent, WorkingDayCalendar calendar, string? bodyId = null) =>
        (Policies.IsDefault ? [] : Policies).SelectMany(p => p.Changes(parent, calendar, bodyId));
}
