using GovOpenness.Domain.Localization;

namespace GovOpenness.Domain.Simulation.Replay;

/// <summary>
/// A fast-engine run laid out for the live engine: the same issue dates, deadlines and completions
/// (the deadlines by the same policies, which the grains run themselves), as batches in virtual-time order.
/// On one day: a body receives after its parent issued (depth by depth) and before it issues itself
/// (the root after publishing); completions come last, after the receipts they follow.
/// </summary>
public sealed class ReplaySchedule
{
    private ReplaySchedule(SimulationRun run, IReadOnlyList<ReplayBatch> batches)
    {
        Run = run;
        Batches = batches;
        EventCount = batches.Sum(b => b.EventCount);
    }

    public SimulationRun Run { get; }

    /// <summary>In the order a driver must run them.</summary>
    public IReadOnlyList<ReplayBatch> Batches { get; }

    /// <summary>Receipts + issues + (body, item) completions.</summary>
    public int EventCount { get; }

    /// <summary>The plan's year (the root's issue year).</summary>
    public int Year => Run.Scenario.Start.Year;

    public static ReplaySchedule From(SimulationRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var h = run.Hierarchy;
        var depth = new int[h.Count];
        for (var body = 1; body < h.Count; body++)
        {
            depth[body] = depth[h.Parents[body]] + 1; // parents come first in the hierarchy's order
        }

        var steps = new List<(int Day, int Order, int Depth, ReplayStepKind Kind, ReplayStep Step)>(h.Count * 3);
        var done = new Dictionary<int, List<int>>();
        for (var body = 0; body < h.Count; body++)
        {
            var d = depth[body];
            // The root "receives" its own plan once it has published it (its progress needs the items);
            // every other body receives after its parent issued and before it issues itself.
            steps.Add((run.Receipts[body], d == 0 ? 2 : 3 * d, d, ReplayStepKind.Receive, new ReplayStep(body, [])));
            steps.Add((run.Issues[body], (3 * d) + 1, d, ReplayStepKind.Issue, new ReplayStep(body, [])));
            done.Clear();
            for (var k = 0; k < run.ItemCount; k++)
            {
                var day = run.Completions[(body * run.ItemCount) + k];
                if (!done.TryGetValue(day, out var items))
                {
                    done[day] = items = [];
                }

                items.Add(k);
            }

            foreach (var (day, items) in done)
            {
                steps.Add((day, int.MaxValue, -1, ReplayStepKind.Complete, new ReplayStep(body, [.. items])));
            }
        }

        var batches = steps
            .GroupBy(s => (s.Day, s.Order))
            .OrderBy(g => g.Key.Day).ThenBy(g => g.Key.Order)
            .Select(g => new ReplayBatch(run.Days.DateOf(g.Key.Day), g.First().Kind, g.First().Depth, [.. g.Select(s => s.Step).OrderBy(s => s.Body)]))
            .ToList();
        return new ReplaySchedule(run, batches);
    }

    /// <summary>
    /// The deadline rule a body (not the root) follows when it issues: its level's, or its override's,
    /// seeded as the fast engine ran it. The live engine sends this policy to the grains, which run the
    /// same per-date function the fast engine ran, so the two agree by construction, not by copying dates.
    /// </summary>
    public DeadlinePolicy PolicyOf(int body)
    {
        if (Run.Hierarchy.Parents[body] < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(body), body, "根机构发布自己的要点，没有相对上级的时限规则");
        }

        var own = Run.Scenario.Overrides.FirstOrDefault(o => Run.Hierarchy.IndexOf(o.BodyId) == body)?.Deadline;
        var rule = own ?? Run.Scenario.BehaviourOf(Run.Hierarchy.LevelOf(body)).Deadline;
        return rule.Seeded(SimulationEngine.DeadlineSeed(Run.Scenario));
    }
}
