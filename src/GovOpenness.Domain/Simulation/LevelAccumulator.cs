using GovOpenness.Domain.Hierarchy;

namespace GovOpenness.Domain.Simulation;

/// <summary>Running totals for one level while <see cref="SimulationSummarizer"/> walks the bodies.</summary>
internal sealed class LevelAccumulator
{
    public LevelAccumulator(WorkingDayIndex days, int items)
    {
        Receipts = new Histogram(0, days.Length - 1);
        Issues = new Histogram(0, days.Length - 1);
        Deadlines = new Histogram(0, days.Length - 1);
        Completions = new Histogram(0, days.Length - 1);
        DaysLeft = new Histogram(-days.Length, days.Length);
        Items = [.. Enumerable.Range(0, items).Select(_ => new ItemAccumulator(days))];
    }

    public int Bodies { get; set; }

    public int Passed { get; set; }

    public int Late { get; set; }

    public int Infeasible { get; set; }

    public Histogram Receipts { get; }

    public Histogram Issues { get; }

    public Histogram Deadlines { get; }

    public Histogram Completions { get; }

    public Histogram DaysLeft { get; }

    public ItemAccumulator[] Items { get; }

    public LevelReport ToReport(BodyLevel level, SimulationRun run)
    {
        var days = run.Days;
        var pairs = (double)Bodies * Items.Length;
        var items = Items.Select((item, k) => new ItemLevelReport(
            run.Scenario.Items[k].Id, run.Scenario.Items[k].Heading,
            DateStat.From(item.Deadlines.Stats(), days), item.DaysLeft.Stats(),
            item.Passed, item.Infeasible, item.OnTime, item.LaterThanParent)).ToList();
        return new LevelReport(level, Bodies,
            DateStat.From(Receipts.Stats(), days), DateStat.From(Issues.Stats(), days),
            DateStat.From(Deadlines.Stats(), days), DaysLeft.Stats(),
            Late, Passed, Infeasible, pairs == 0 ? 1 : Items.Sum(i => (long)i.OnTime) / pairs, items)
        {
            DeadlineCounts = [.. Deadlines.Entries().Select(e => (days.DateOf(e.Value), e.Count))],
            DaysLeftCounts = DaysLeft.Entries(),
            CompletionCounts = [.. Completions.Entries().Select(e => (days.DateOf(e.Value), e.Count))],
        };
    }
}
