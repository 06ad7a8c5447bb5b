using System.Text.Json.Serialization;
using GovOpenness.Domain.Hierarchy;

namespace GovOpenness.Domain.Simulation;

/// <summary>What happened at one level of the hierarchy.</summary>
/// <param name="Level">The level.</param>
/// <param name="Bodies">Bodies simulated at this level.</param>
/// <param name="ReceiptDates">When they received their parent's plan.</param>
/// <param name="IssueDates">When they issued their own.</param>
/// <param name="Deadlines">Each body's tightest (earliest) effective deadline.</param>
/// <param name="DaysLeft">Each body's fewest working days left at receipt.</param>
/// <param name="Late">Bodies that were late issuers (the level's lateShare).</param>
/// <param name="Passed">Bodies for which some deadline had passed before they received the plan.</param>
/// <param name="Infeasible">Bodies with a passed deadline or fewer working days left than the threshold.</param>
/// <param name="OnTimeShare">Share of (body, item) pairs predicted done on time.</param>
/// <param name="Items">The same per root-plan item.</param>
public sealed record LevelReport(
    BodyLevel Level,
    int Bodies,
    DateStat? ReceiptDates,
    DateStat? IssueDates,
    DateStat? Deadlines,
    Stat? DaysLeft,
    int Late,
    int Passed,
    int Infeasible,
    double OnTimeShare,
    IReadOnlyList<ItemLevelReport> Items)
{
    /// <summary>Chinese name of the level, e.g. "县级".</summary>
    public string Name => LevelNames.Of(Level);

    /// <summary>Bodies per tightest deadline (dates), for charts.</summary>
    [JsonIgnore]
    public IReadOnlyList<(DateOnly Date, int Count)> DeadlineCounts { get; init; } = [];

    /// <summary>Bodies per fewest working days left, for charts.</summary>
    [JsonIgnore]
    public IReadOnlyList<(int Days, int Count)> DaysLeftCounts { get; init; } = [];

    /// <summary>Bodies per day on which all their items were done, for the completion curve.</summary>
    [JsonIgnore]
    public IReadOnlyList<(DateOnly Date, int Count)> CompletionCounts { get; init; } = [];
}
