using GovOpenness.Domain.Hierarchy;

namespace GovOpenness.Domain.Simulation;

/// <summary>
/// Turns a <see cref="SimulationRun"/> into a <see cref="SimulationReport"/> in one pass over the
/// bodies: histograms instead of sorting give exact medians in O(bodies × items).
/// </summary>
public static class SimulationSummarizer
{
    private const int WorstKept = 20;

    public static SimulationReport Summarize(SimulationRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var h = run.Hierarchy;
        var m = run.ItemCount;
        var levels = Enumerable.Range(0, 6).Select(_ => new LevelAccumulator(run.Days, m)).ToArray();
        var infeasibleInSubtree = new int[h.Count];
        var worst = new List<(int DaysLeft, int Body)>(WorstKept + 1);
        var laterThanParent = 0;
        var infeasibleBodies = new List<InfeasibleBody>();

        for (var body = 0; body < h.Count; body++)
        {
            var acc = levels[h.Levels[body]];
            var receipt = run.Receipts[body];
            var parent = h.Parents[body];
            acc.Bodies++;
            acc.Receipts.Add(receipt);
            acc.Issues.Add(run.Issues[body]);
            acc.Late += run.Late[body] ? 1 : 0;
            var tightest = int.MaxValue;
            var lastDone = 0;
            for (var k = 0; k < m; k++)
            {
                var deadline = run.Deadlines[(body * m) + k];
                var done = run.Completions[(body * m) + k];
                var left = run.Days.WorkingDaysBetween(receipt, deadline);
                var item = acc.Items[k];
                item.Deadlines.Add(deadline);
                item.DaysLeft.Add(left);
                item.Passed += deadline < receipt ? 1 : 0;
                item.Infeasible += deadline < receipt || left < run.Scenario.InfeasibleBelow ? 1 : 0;
                item.OnTime += done <= deadline ? 1 : 0;
                if (parent >= 0 && deadline > run.Deadlines[(parent * m) + k])
                {
                    item.LaterThanParent++;
                    laterThanParent++;
                }

                tightest = Math.Min(tightest, deadline);
                lastDone = Math.Max(lastDone, done);
            }

            var minLeft = run.Days.WorkingDaysBetween(receipt, tightest);
            var passed = tightest < receipt;
            var infeasible = passed || minLeft < run.Scenario.InfeasibleBelow;
            acc.Deadlines.Add(tightest);
            acc.DaysLeft.Add(minLeft);
            acc.Completions.Add(lastDone);
            acc.Passed += passed ? 1 : 0;
            acc.Infeasible += infeasible ? 1 : 0;
            infeasibleInSubtree[body] = infeasible ? 1 : 0;
            if (infeasible)
            {
                infeasibleBodies.Add(Describe(run, body));
            }

            KeepWorst(worst, minLeft, body);
        }

        // Bodies come parent-first, so walking backwards adds each subtree into its parent.
        for (var body = h.Count - 1; body > 0; body--)
        {
            infeasibleInSubtree[h.Parents[body]] += infeasibleInSubtree[body];
        }

        var levelReports = levels
            .Select((acc, level) => (acc, level))
            .Where(x => x.acc.Bodies > 0)
            .Select(x => x.acc.ToReport((BodyLevel)x.level, run))
            .ToList();
        var items = (double)h.Count * m;
        var onTime = levels.Sum(l => l.Items.Sum(i => (long)i.OnTime));
        return new SimulationReport(
            run.Scenario.Name,
            run.Scenario.Seed,
            run.Scenario.Start,
            h.Count,
            levels.Sum(l => l.Infeasible),
            levels.Sum(l => l.Passed),
            run.Scenario.InfeasibleBelow,
            items == 0 ? 1 : onTime / items,
            laterThanParent,
            levelReports,
            CriticalPath(run, infeasibleInSubtree),
            [.. worst.Select(w => Describe(run, w.Body))],
            infeasibleBodies);
    }

    /// <summary>
    /// From the root down, at each step the child whose subtree holds the most infeasible bodies
    /// (ties: the later issuer, then the lower code): the chain of issuances that hurt the most.
    /// </summary>
    private static List<CriticalPathStep> CriticalPath(SimulationRun run, int[] infeasibleInSubtree)
    {
        var h = run.Hierarchy;
        var path = new List<CriticalPathStep>();
        var body = 0;
        while (true)
        {
            path.Add(new CriticalPathStep(
                h.IdOf(body), h.NameOf(body), h.LevelOf(body), run.ReceiptOf(body), run.IssueOf(body),
                run.Issues[body] - run.Receipts[body], run.Days.WorkingDaysBetween(run.Receipts[body], run.Issues[body]),
                infeasibleInSubtree[body], h.SubtreeSizes[body]));
            var best = -1;
            for (var child = body + 1; child < body + h.SubtreeSizes[body]; child += h.SubtreeSizes[child])
            {
                if (best < 0 || infeasibleInSubtree[child] > infeasibleInSubtree[best]
                    || (infeasibleInSubtree[child] == infeasibleInSubtree[best] && run.Issues[child] > run.Issues[best]))
                {
                    best = child;
                }
            }

            if (best < 0)
            {
                return path;
            }

            body = best;
        }
    }

    private static void KeepWorst(List<(int DaysLeft, int Body)> worst, int daysLeft, int body)
    {
        if (worst.Count == WorstKept && daysLeft >= worst[^1].DaysLeft)
        {
            return;
        }

        var at = worst.FindIndex(w => w.DaysLeft > daysLeft);
        worst.Insert(at < 0 ? worst.Count : at, (daysLeft, body));
        if (worst.Count > WorstKept)
        {
            worst.RemoveAt(WorstKept);
        }
    }

    private static InfeasibleBody Describe(SimulationRun run, int body)
    {
        var item = run.TightestItem(body);
        return new InfeasibleBody(run.Hierarchy.IdOf(body), run.Hierarchy.NameOf(body), run.Hierarchy.LevelOf(body),
            run.ReceiptOf(body), run.Scenario.Items[item].Id, run.DeadlineOf(body, item), run.DaysLeft(body, item));
    }
}
