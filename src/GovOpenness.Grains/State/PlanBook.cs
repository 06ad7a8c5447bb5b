namespace GovOpenness.Grains.State;

/// <summary>A body's cold plan state: one entry per year it published or localized.</summary>
public sealed class PlanBook
{
    public Dictionary<int, YearPlan> Years { get; set; } = [];
}
