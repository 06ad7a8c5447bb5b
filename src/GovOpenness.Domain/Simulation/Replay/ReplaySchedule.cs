using GovOpenness.Domain.Localization;

namespace GovOpenness.Domain.Simulation.Replay;

/// <summary>
/// A fast-engine run laid out for the live engine: the same issue dates, deadlines and completions
/// (never recomputed, so the two engines cannot disagree on a rule), as batches in virtual-time order.
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
    /// What a body (not the root) records when it issues: one tightening per item whose deadline the
    /// engine moved, the date as the engine computed it; a later date only where the scenario allowed
    /// it, marked as an approved exception. No changes: it adopts its parent's plan as is.
    /// </summary>
    public IReadOnlyList<LocalizationChange> ChangesOf(int body)
    {
        var parent = Run.Hierarchy.Parents[body];
        if (parent < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(body), body, "根机构发布自己的要点，没有相对上级的调整");
        }

        var changes = new List<LocalizationChange>();
        for (var k = 0; k < Run.ItemCount; k++)
        {
            var mine = Run.DeadlineOf(body, k);
            var theirs = Run.DeadlineOf(parent, k);
            if (mine != theirs)
            {
                changes.Add(new TightenDeadline(Run.Scenario.Items[k].Id, mine, ApprovedException: mine > theirs));
            }
        }

        return changes;
    }
}
