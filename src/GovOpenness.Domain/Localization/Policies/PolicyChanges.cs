using System.Collections.Immutable;
using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Localization;

/// <summary>Helpers the deadline policies share, and how composed policies' changes combine.</summary>
internal static class PolicyChanges
{
    /// <summary>
    /// Each "by" deadline of each item where <paramref name="policy"/> gives another date: a tightening,
    /// or, where the policy allows a later date, an approved exception. Only "by" deadlines: a recurring
    /// or multi-year one is not the body's to shift each year.
    /// </summary>
    public static IEnumerable<LocalizationChange> MoveByDeadlines(PublishedPlan parent, DeadlinePolicy policy, IWorkingDays days, ulong bodyKey)
    {
        foreach (var item in parent.Items)
        {
            for (var i = 0; i < item.Deadlines.Count; i++)
            {
                var deadline = item.Deadlines[i];
                if (deadline.Kind != DeadlineKind.By || deadline.Date is not DateOnly date)
                {
                    continue;
                }

                var moved = policy.Resolve(date, new DeadlineContext(parent.Year, days, bodyKey, DeadlineDraw.ItemKeyOf(item.Id, i)));
                if (moved != date)
                {
                    yield return new TightenDeadline(item.Id, moved, moved > date, i);
                }
            }
        }
    }

    /// <summary>
    /// Combines changes from several policies: for the same deadline the earliest date wins, for the
    /// same item's units or wording the later policy wins, and a drop wins over other changes. An
    /// approved exception (only ever the body's own) wins over policy dates.
    /// </summary>
    public static ImmutableArray<LocalizationChange> Combine(IEnumerable<LocalizationChange> changes)
    {
        var order = new List<(string, Type, int?)>();
        var byKey = new Dictionary<(string, Type, int?), LocalizationChange>();
        foreach (var change in changes)
        {
            var key = (change.ItemId, change.GetType(), (change as TightenDeadline)?.DeadlineIndex);
            if (!byKey.TryGetValue(key, out var existing))
            {
                order.Add(key);
                byKey[key] = change;
            }
            else if (change is TightenDeadline next && existing is TightenDeadline current)
            {
                byKey[key] = next.ApprovedException || (!current.ApprovedException && next.NewDate < current.NewDate) ? next : current;
            }
            else
            {
                byKey[key] = change;
            }
        }

        var dropped = byKey.Values.OfType<Drop>().Select(d => d.ItemId).ToHashSet(StringComparer.Ordinal);
        var combined = ImmutableArray.CreateBuilder<LocalizationChange>(order.Count);
        foreach (var key in order)
        {
            var change = byKey[key];
            if (change is Drop or AddItem || dropped.Count == 0 || !dropped.Contains(change.ItemId))
            {
                combined.Add(change);
            }
        }

        return combined.DrainToImmutable();
    }

    public static DateOnly EndOfMonth(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));
}
