using System.Collections.Immutable;

namespace GovOpenness.Domain.Localization;

/// <summary>
/// Responsible units for the items a pattern matches: an item id ("2.1"), "*" for every item, or else
/// a keyword found in the item's heading or text ("行政执法").
/// </summary>
public sealed record UnitRule(string Pattern, ImmutableArray<string> Units)
{
    public bool Matches(Plans.PlanItem item) =>
        Pattern == "*" || Pattern == item.Id
        || item.Heading.Contains(Pattern, StringComparison.Ordinal) || item.Text.Contains(Pattern, StringComparison.Ordinal);
}
