namespace GovOpenness.Domain.Parsing;

/// <summary>Thresholds for <see cref="PlanChecks"/>; the defaults are what supervisors asked for.</summary>
/// <param name="MinWorkingDays">A deadline with fewer working days than this after the issue date is
/// too close for lower levels to re-issue the plan and act on it (default 10).</param>
/// <param name="UnitCoverage">The share of task items that must name a responsible unit before an item
/// without one is reported: the document "otherwise names units" (default 0.5, i.e. more than half).</param>
/// <param name="MinTaskItems">Fewer task items than this and no unit check is made: too few to say what
/// the document usually does (default 4).</param>
public sealed record PlanCheckOptions(int MinWorkingDays = 10, double UnitCoverage = 0.5, int MinTaskItems = 4)
{
    /// <summary>The defaults.</summary>
    public static PlanCheckOptions Default { get; } = new();
}
