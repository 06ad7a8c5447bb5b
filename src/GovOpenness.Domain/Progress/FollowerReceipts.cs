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
    public IReadOnlyList<string> Merge(IEnumerable<(string ChildId, DateOnly Day)> receipts, DateOnly parentIssuedOn)
    {
        ArgumentNullException.ThrowIfNull(receipts);
        var changed = new List<string>();
        foreach (var (childId, day) in receipts)
        {
            var noted = new PlanMilestones(ParentIssuedOn: parentIssuedOn, ReceivedOn: day);
            var merged = _receipts.TryGetValue(childId, out var held) ? held.Milestones.EarliestOf(noted) : noted;
            if (held is null || merged != held.Milestones)
            {
                _receipts[childId] = new Receipt(merged);
                changed.Add(childId);
            }
        }

        return changed;
    }

    /// <summary>The milestones noted for a child, null when it is not a follower here.</summary>
    public PlanMilestones? Find(string childId) => _receipts.TryGetValue(childId, out var r) ? r.Milestones : null;

    /// <summary>The child's contribution as its own progress would give it: the body, its receipt, its items not started.</summary>
    public OwnFigures FiguresOf(string childId, int year, string parentId, ImmutableArray<ItemTarget> targets, DateOnly today, WorkingDayCalendar calendar)
    {
        var body = new BodyProgress(childId, year, parentId) { Milestones = Find(childId) ?? PlanMilestones.None }.WithTargets(targets);
        return ProgressFigures.ForBody(body, today, calendar);
    }

    /// <summary>Compact JSON: <c>{"2025-04-11":{"2025-04-12":["141181001",…]}}</c> (parent's issue day → receipt day → children).</summary>
    public string Serialize() => JsonSerializer.Serialize(
        _receipts
            .GroupBy(r => Key(r.Value.Milestones.ParentIssuedOn))
            .ToDictionary(g => g.Key, g => g.GroupBy(r => Key(r.Value.Milestones.ReceivedOn)).ToDictionary(d => d.Key, d => d.Select(r => r.Key).Order(StringComparer.Ordinal).ToArray())));

    public static FollowerReceipts Deserialize(string json)
    {
        var followers = new FollowerReceipts();
        var read = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string[]>>>(json) ?? [];
        foreach (var (issued, days) in read)
        {
            foreach (var (day, children) in days)
            {
                foreach (var child in children)
                {
                    followers._receipts[child] = new Receipt(new PlanMilestones(ParentIssuedOn: Parse(issued), ReceivedOn: Parse(day)));
                }
            }
        }

        return followers;
    }

    private static string Key(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    private static DateOnly? Parse(string key) => key.Length == 0 ? null : DateOnly.ParseExact(key, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private sealed record Receipt(PlanMilestones Milestones);
}
