namespace GovOpenness.Domain.Simulation;

/// <summary>Running totals for one item at one level.</summary>
internal sealed class ItemAccumulator(WorkingDayIndex days)
{
    public Histogram Deadlines { get; } = new(0, days.Length - 1);

    public Histogram DaysLeft { get; } = new(-days.Length, days.Length);

    public int Passed { get; set; }

    public int Infeasible { get; set; }

    public int OnTime { get; set; }

    public int LaterThanParent { get; set; }
}
