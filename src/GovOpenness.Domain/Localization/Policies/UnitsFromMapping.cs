using System.Collections.Immutable;
using GovOpenness.Domain.Calendar;

namespace GovOpenness.Domain.Localization;

/// <summary>
/// Responsible units from a mapping: for each item (sections excluded) the first rule that matches.
/// An ordered list rather than a dictionary, so that which rule wins survives a JSON round trip.
/// </summary>
public sealed record UnitsFromMapping(ImmutableArray<UnitRule> Rules) : LocalizationPolicy
{
    public override IEnumerable<LocalizationChange> Changes(PublishedPlan parent, WorkingDayCalendar calendar, string? bodyId = null)
    {
        foreach (var item in parent.Items.Where(i => i.Depth > 1))
        {
            var rule = Rules.FirstOrDefault(r => r.Matches(item));
            if (rule is not null && !rule.Units.IsDefaultOrEmpty)
            {
                yield return new SetUnits(item.Id, rule.Units);
            }
        }
    }
}
