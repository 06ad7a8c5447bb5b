using GovOpenness.Abstractions.Plans;
using GovOpenness.Domain.Calendar;

namespace GovOpenness.Grains.Rules;

/// <summary>
/// Applies the wire policy (<see cref="LocalizationPolicyData"/>: N working days before the parent's
/// earliest deadline, units renamed by a mapping) to one inherited item, noting what it changed.
/// </summary>
/// <remarks>Still the grain's own: the domain's LocalizationPolicy moves every deadline rather than the
/// earliest, so switching to it changes the policy's results and the wire shape; left for its own step.</remarks>
internal static class PolicyRules
{
    public static PlanItemData Apply(
        string bodyId, PlanItemData item, LocalizationPolicyData? policy, WorkingDayCalendar calendar, List<ItemChangeNote> notes)
    {
        if (policy is null)
        {
            return item;
        }

        if (policy.DeadlineWorkingDaysBefore is > 0 and var days && DeadlineText.EarliestDue(item) is { } due
            && due.Year >= calendar.CoveredYears.First && due.Year <= calendar.CoveredYears.Last)
        {
            var moved = calendar.SubtractWorkingDays(due, days);
            notes.Add(new(bodyId, "deadline", DeadlineText.Iso(due), DeadlineText.Iso(moved), ByPolicy: true));
            item = DeadlineText.WithDeadline(item, DeadlineText.By(moved));
        }

        if (policy.UnitMapping is { Count: > 0 } mapping && item.Units.Any(mapping.ContainsKey))
        {
            var units = item.Units.Select(u => mapping.GetValueOrDefault(u, u)).ToList();
            notes.Add(new(bodyId, "units", DeadlineText.JoinUnits(item.Units), DeadlineText.JoinUnits(units), ByPolicy: true));
            item = item with { Units = units };
        }

        return item;
    }
}
