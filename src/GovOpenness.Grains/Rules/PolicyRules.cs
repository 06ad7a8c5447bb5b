using GovOpenness.Abstractions.Plans;
using GovOpenness.Domain.Localization;

namespace GovOpenness.Grains.Rules;

/// <summary>The wire policy (<see cref="LocalizationPolicyData"/>) as the domain's <see cref="LocalizationPolicy"/> and back.</summary>
internal static class PolicyRules
{
    /// <summary>The deadline fields → <see cref="WorkingDaysBeforeParent"/>, <see cref="EndOfMonth"/>,
    /// <see cref="MonthsEarlier"/>; "unitMapping" → <see cref="RenameUnits"/>; null when the policy changes nothing.</summary>
    public static LocalizationPolicy? ToDomain(LocalizationPolicyData? policy)
    {
        if (policy is null)
        {
            return null;
        }

        var parts = new List<LocalizationPolicy>(3);
        parts.AddRange(DeadlinePolicies(policy));
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

    /// <summary>The wire form of a domain deadline rule (the replay sends the rule its simulation ran).</summary>
    public static LocalizationPolicyData FromDomain(DeadlinePolicy policy) => policy switch
    {
        WorkingDaysBeforeParent w => new(w.Days, DeadlineJitterWorkingDays: w.Jitter > 0 ? w.Jitter : null,
            DeadlineJitterSeed: w.Jitter > 0 ? w.Seed : null, DeadlineAllowLater: w.AllowLater),
        EndOfMonth e => new(DeadlineEndOfMonth: e.Month, DeadlineAllowLater: e.AllowLater),
        MonthsEarlier m => new(DeadlineMonthsEarlier: m.Months, DeadlineAllowLater: m.AllowLater),
        _ => new(), // adopt as is: an empty policy, so no policy from above applies either
    };

    /// <summary>What is wrong with the policy, in Chinese, or null: the domain rules' own limits.</summary>
    public static string? Problem(LocalizationPolicyData? policy) =>
        policy is null ? null : DeadlinePolicies(policy).Select(p => p.Problem()).FirstOrDefault(p => p is not null) is { } problem
            ? $"策略有误：{problem}"
            : null;

    private static IEnumerable<DeadlinePolicy> DeadlinePolicies(LocalizationPolicyData policy)
    {
        if (policy.DeadlineWorkingDaysBefore is not (null or 0) || policy.DeadlineJitterWorkingDays is not (null or 0))
        {
            yield return new WorkingDaysBeforeParent(policy.DeadlineWorkingDaysBefore ?? 0, policy.DeadlineJitterWorkingDays ?? 0, policy.DeadlineJitterSeed ?? 0)
            {
                AllowLater = policy.DeadlineAllowLater,
            };
        }

        if (policy.DeadlineEndOfMonth is int month)
        {
            yield return new EndOfMonth(month) { AllowLater = policy.DeadlineAllowLater };
        }

        if (policy.DeadlineMonthsEarlier is int months && months != 0)
        {
            yield return new MonthsEarlier(months) { AllowLater = policy.DeadlineAllowLater };
        }
    }
}
