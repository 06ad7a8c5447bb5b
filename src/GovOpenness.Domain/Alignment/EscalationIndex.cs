using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Alignment;

/// <summary>
/// The 层层加码 index: how much a child plan demands beyond its parent, 0 (carried down as issued)
/// to 100 (every item earlier, every item with new offices, as many new items as carried ones).
/// </summary>
/// <remarks>
/// Value = 100 × (0.35·T + 0.25·D + 0.20·A + 0.20·U), where
/// <list type="bullet">
/// <item>T = TightenedShare: matched pairs with a deadline earlier than the parent's, or a deadline where
/// the parent set none, over all matched pairs;</item>
/// <item>D = min(1, max(0, MeanWorkingDaysEarlier) / 60): the mean number of working days the child
/// moved dated deadlines earlier (later counts negative; unchanged dates count 0), scaled so a quarter
/// of a year (about 60 working days) is the maximum;</item>
/// <item>A = AddedItemShare: child leaf items with no parent counterpart over all child leaf items;</item>
/// <item>U = UnitsAddedShare: matched pairs where the child names offices the parent did not.</item>
/// </list>
/// Deadlines weigh most (T and D together 0.6) because earlier dates are the burden the province's plan
/// names (层层加码) and the one lower bodies complain about; added items and units weigh less because
/// naming a county's own offices is also how a plan is localized. Loosened deadlines are not part of the
/// index (they are violations, counted in <see cref="LoosenedPairs"/>).
/// </remarks>
public sealed record EscalationIndex(
    int MatchedPairs,
    int TightenedPairs,
    int LoosenedPairs,
    double TightenedShare,
    double MeanWorkingDaysEarlier,
    int AddedItems,
    double AddedItemShare,
    int PairsWithAddedUnits,
    double UnitsAddedShare,
    double Value)
{
    /// <summary>Scale of <see cref="MeanWorkingDaysEarlier"/>: a quarter of a year of working days.</summary>
    public const double WorkingDaysScale = 60;

    public static EscalationIndex Compute(IReadOnlyList<AlignedPair> pairs, IReadOnlyList<PlanItem> added, int childLeafCount)
    {
        var matched = pairs.Count;
        var tightened = pairs.Count(p => p.Flags.Contains(AlignmentChange.DeadlineTightened));
        var loosened = pairs.Count(p => p.Flags.Contains(AlignmentChange.DeadlineLoosened));
        var withUnits = pairs.Count(p => p.Flags.Contains(AlignmentChange.UnitsAdded));
        var dated = pairs.SelectMany(p => p.DeadlineShifts)
            .Where(s => s.WorkingDaysEarlier is not null && s.FromDate is not null)
            .Select(s => (double)s.WorkingDaysEarlier!.Value)
            .ToList();
        var meanEarlier = dated.Count == 0 ? 0 : dated.Average();
        var t = Share(tightened, matched);
        var d = Math.Min(1, Math.Max(0, meanEarlier) / WorkingDaysScale);
        var a = Share(added.Count, childLeafCount);
        var u = Share(withUnits, matched);
        var value = 100 * ((0.35 * t) + (0.25 * d) + (0.20 * a) + (0.20 * u));
        return new EscalationIndex(matched, tightened, loosened, t, meanEarlier, added.Count, a, withUnits, u, Math.Round(value, 1));
    }

    private static double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
