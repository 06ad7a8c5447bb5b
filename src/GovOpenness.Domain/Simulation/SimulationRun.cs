namespace GovOpenness.Domain.Simulation;

/// <summary>
/// The raw outcome of a simulation: per-body and per-body-per-item day indices in flat arrays
/// (struct-of-arrays: about 20 bytes per body plus 8 per item, 665,000 bodies fit comfortably).
/// Read it through <see cref="SimulationSummarizer"/> or the accessors here.
/// </summary>
public sealed class SimulationRun
{
    internal SimulationRun(Scenario scenario, SimulationHierarchy hierarchy, WorkingDayIndex days)
    {
        Scenario = scenario;
        Hierarchy = hierarchy;
        Days = days;
        ItemCount = scenario.Items.Count;
        Receipts = new int[hierarchy.Count];
        Issues = new int[hierarchy.Count];
        Late = new bool[hierarchy.Count];
        Deadlines = new int[hierarchy.Count * ItemCount];
        Completions = new int[hierarchy.Count * ItemCount];
    }

    public Scenario Scenario { get; }

    public SimulationHierarchy Hierarchy { get; }

    public WorkingDayIndex Days { get; }

    public int ItemCount { get; }

    /// <summary>Day index each body received its parent's plan (the root: the start date).</summary>
    public int[] Receipts { get; }

    /// <summary>Day index each body issued its own plan.</summary>
    public int[] Issues { get; }

    /// <summary>Whether the body was one of its level's late issuers (<see cref="LevelBehaviour.LateShare"/>).</summary>
    public bool[] Late { get; }

    /// <summary>Effective deadline of item k for body i at [i * ItemCount + k].</summary>
    public int[] Deadlines { get; }

    /// <summary>Predicted completion of item k for body i at [i * ItemCount + k].</summary>
    public int[] Completions { get; }

    public DateOnly ReceiptOf(int body) => Days.DateOf(Receipts[body]);

    public DateOnly IssueOf(int body) => Days.DateOf(Issues[body]);

    public DateOnly DeadlineOf(int body, int item) => Days.DateOf(Deadlines[(body * ItemCount) + item]);

    /// <summary>Working days between receipt and the item's deadline; negative when it had already passed.</summary>
    public int DaysLeft(int body, int item) => Days.WorkingDaysBetween(Receipts[body], Deadlines[(body * ItemCount) + item]);

    public bool Passed(int body, int item) => Deadlines[(body * ItemCount) + item] < Receipts[body];

    public bool OnTime(int body, int item) => Completions[(body * ItemCount) + item] <= Deadlines[(body * ItemCount) + item];

    /// <summary>The item with the fewest working days left at receipt (first such item on ties).</summary>
    public int TightestItem(int body)
    {
        var best = 0;
        var bestDeadline = int.MaxValue;
        for (var k = 0; k < ItemCount; k++)
        {
            var deadline = Deadlines[(body * ItemCount) + k];
            if (deadline < bestDeadline)
            {
                (best, bestDeadline) = (k, deadline);
            }
        }

        return best;
    }

    /// <summary>A body is infeasible when an item's deadline had passed or left fewer working days than the scenario's threshold.</summary>
    public bool IsInfeasible(int body)
    {
        var tightest = TightestItem(body);
        return Passed(body, tightest) || DaysLeft(body, tightest) < Scenario.InfeasibleBelow;
    }
}
