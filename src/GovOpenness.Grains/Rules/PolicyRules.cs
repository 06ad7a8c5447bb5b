using GovOpenness.Abstractions.Plans;
using GovOpenness.Domain.Localization;

namespace GovOpenness.Grains.Rules;

/// <summary>The wire policy (<see cref="LocalizationPolicyData"/>) as the domain's <see cref="LocalizationPolicy"/>.</summary>
internal static class PolicyRules
{
    /// <summary>"deadlineWorkingDaysBefore" → <see cref="WorkingDaysBeforeParent"/>, "unitMapping" →
    /// <see cref="RenameUnits"/>; null when the policy changes nothing.</summary>
    public static LocalizationPolicy? ToDomain(LocalizationPolicyData? policy)
    {
        if (policy is null)
        {
            return null;
        }

        var parts = new List<LocalizationPolicy>(2);
        if (policy.DeadlineWorkingDaysBefore is > 0 and var days)
        {
            parts.Add(new WorkingDaysBeforeParent(days));
        }

        if (policy.UnitMapping is { Count: > 0 } mapping)
        {
            parts.Add(new RenameUnits([.. mapping.Select(m => new UnitRename(m.Key, m.Value))]));
        }

        return parts.Count switch
        {
            0 => null,
            1 => parts[0],
            _ => new CompositePolicy([.. parts]),
        };
    }
}
