using System.Collections.Immutable;
using System.Text.Json;
using GovOpenness.Domain.Calendar;

namespace GovOpenness.Domain.Progress;

/// <summary>
/// The receipts of a body's children that only follow (leaves that received the plan and did nothing
/// else yet), kept by their parent instead of by one record and one live activation per child: a
/// national cascade delivers to 41,352 township leaves (620,573 villages with the village depth), and
/// counting each at its own progress record cost ten times the delivery. The parent's roll-up counts each
/// follower as the full summary its own progress would give (<see cref="FiguresOf"/>); once the child
/// itself becomes active it adopts its receipt from here (<see cref="Find"/>) and its own summary
/// replaces this one in the parent's roll-up.
/// A follower may stand for its own leaf children too (a township noted with its villages, issue 16): a
/// child that only follows hands its leaves the plan it got, so they received it the same day, and the
/// parent counts the child and its N leaves as the one summary the child's own progress would give
/// (<see cref="FiguresOf"/> with the leaves' ids), without a record or an activation for the child either.
/// </summary>
public sealed class FollowerReceipts
{
    private readonly Dictionary<string, Receipt> _receipts = new(StringComparer.Ordinal);

    public int Count => _receipts.Count;

    public IEnumerable<string> ChildIds => _receipts.Keys;

    /// <summary>
    /// Adds receipts, each at its earliest day (a repeat or a later re-delivery changes nothing);
    /// answers the children whose receipt changed.
    /// </summary>
    /// <param name="receipts">Children and the days they received the plan.</param>
    /// <param name="parentIssuedOn">The day the parent issued what they received.</param>
    public IReadOnlyList<string> Merge(IEnumerable<(string ChildId, DateOnly Day)> receipts, DateOnly parentIssuedOn) =>
        Merge(receipts.Select(r => (r.ChildId, r.Day, 0)), parentIssuedOn);

    /// <summary>
    /// Adds receipts, each at its earliest day, with the number of the child's own leaves received with it
    /// (0: the child alone; the larger count is kept); answers the children whose receipt changed.
    /// </summary>
    public IReadOnlyList<string> Merge(IEnumerable<(string ChildId, DateOnly Day, int Leaves)> receipts, DateOnly parentIssuedOn)
    {
        ArgumentNullException.ThrowIfNull(receipts);
        var changed = new List<string>();
        foreach (var (childId, day, leaves) in receipts)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(leaves);
            var noted = new PlanMilestones(ParentIssuedOn: parentIssuedOn, ReceivedOn: day);
            var merged = _receipts.TryGetValue(childId, out var held)
                ? new Receipt(held.Milestones.EarliestOf(noted), Math.Max(held.Leaves, leaves))
                : new Receipt(noted, leaves);
            if (merged != held)
            {
                _receipts[childId] = merged;
                changed.Add(childId);
            }
        }

        return changed;
    }

    /// <summary>The milestones noted for a child, null when it is not a follower here.</summary>
    public PlanMilestones? Find(string childId) => _receipts.TryGetValue(childId, out var r) ? r.Milestones : null;

    /// <summary>How many of the child's own leaves were received with it (0: none, or not a follower here).</summary>
    public int LeavesOf(string childId) => _receipts.TryGetValue(childId, out var r) ? r.Leaves : 0;

    /// <summary>The child's contribution as its own progress would give it: the body, its receipt, its items not started.</summary>
    public OwnFigures FiguresOf(string childId, int year, string parentId, ImmutableArray<ItemTarget> targets, DateOnly today, WorkingDayCalendar calendar) =>
        FiguresOf(childId, year, parentId, targets, today, calendar, [], []);

    /// <summary>
    /// The child's subtree summary as its own progress would give it: the child as above, and each of the
    /// given leaves (its followers, received the same day as the child and issued by it that day, with
    /// <paramref name="leafTargets"/>, what the child hands its children, not started). The leaves differ
    /// in their ids only, so one leaf's figures are derived and counted N times, and the offenders among
    /// them are the first by id (<see cref="Offender.Compare"/> breaks ties by id).
    /// </summary>
    /// <param name="leafIds">The child's leaves (as many as <see cref="LeavesOf"/> says; none for a lone child).</param>
    /// <param name="offenderLimit">K of the parent's roll-up (the child's own roll-up keeps as many).</param>
    public OwnFigures FiguresOf(
        string childId,
        int year,
        string parentId,
        ImmutableArray<ItemTarget> targets,
        DateOnly today,
        WorkingDayCalendar calendar,
        IReadOnlyList<string> leafIds,
        ImmutableArray<ItemTarget> leafTargets,
        int offenderLimit = SummaryExtremes.DefaultOffenderLimit)
    {
        ArgumentNullException.ThrowIfNull(leafIds);
        var milestones = Find(childId) ?? PlanMilestones.None;
        var own = ProgressFigures.ForBody(new BodyProgress(childId, year, parentId) { Milestones = milestones }.WithTargets(targets), today, calendar);
        if (leafIds.Count == 0)
        {
            return own;
        }

        // A child that only follows issued the plan the day it received it (it published nothing).
        var leafMilestones = new PlanMilestones(ParentIssuedOn: milestones.ReceivedOn, ReceivedOn: milestones.ReceivedOn);
        var leaf = ProgressFigures.ForBody(new BodyProgress(leafIds[0], year, childId) { Milestones = leafMilestones }.WithTargets(leafTargets), today, calendar);
        var sums = new long[SummaryCounts.Length];
        own.Counts.AddTo(sums);
        for (var i = 0; i < leafIds.Count; i++)
        {
            leaf.Counts.AddTo(sums);
        }

        var leafOffenders = leaf.Extremes.Offenders.IsEmpty
            ? []
            : leafIds.Order(StringComparer.Ordinal).Take(offenderLimit).Select(id => leaf.Extremes with { Offenders = [leaf.Extremes.Offenders[0] with { BodyId = id }] });
        var extremes = SummaryExtremes.Merge([own.Extremes, leaf.Extremes with { Offenders = [] }, .. leafOffenders], offenderLimit);
        return new OwnFigures(SummaryCounts.From(sums), extremes);
    }

    /// <summary>
    /// Compact JSON: <c>{"2025-04-11":{"2025-04-12":["141181001",…,"141181100/23"]}}</c> (parent's issue day →
    /// receipt day → children; "/N": received with N leaves of its own).
    /// </summary>
    public string Serialize() => JsonSerializer.Serialize(
        _receipts
            .GroupBy(r => Key(r.Value.Milestones.ParentIssuedOn))
            .ToDictionary(g => g.Key, g => g.GroupBy(r => Key(r.Value.Milestones.ReceivedOn)).ToDictionary(d => d.Key, d => d.Select(Entry).Order(StringComparer.Ordinal).ToArray())));

    public static FollowerReceipts Deserialize(string json)
    {
        var followers = new FollowerReceipts();
        var read = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string[]>>>(json) ?? [];
        foreach (var (issued, days) in read)
        {
            foreach (var (day, children) in days)
            {
                foreach (var entry in children)
                {
                    var slash = entry.IndexOf('/', StringComparison.Ordinal);
                    var (child, leaves) = slash < 0 ? (entry, 0) : (entry[..slash], int.Parse(entry[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture));
                    followers._receipts[child] = new Receipt(new PlanMilestones(ParentIssuedOn: Parse(issued), ReceivedOn: Parse(day)), leaves);
                }
            }
        }

        return followers;
    }

    private static string Key(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    private static DateOnly? Parse(string key) => key.Length == 0 ? null : DateOnly.ParseExact(key, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Entry(KeyValuePair<string, Receipt> receipt) =>
        receipt.Value.Leaves == 0 ? receipt.Key : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{receipt.Key}/{receipt.Value.Leaves}");

    /// <param name="Leaves">How many of the child's own leaves were received with it (they follow it).</param>
    private sealed record Receipt(PlanMilestones Milestones, int Leaves);
}
