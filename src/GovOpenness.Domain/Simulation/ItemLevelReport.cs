namespace GovOpenness.Domain.Simulation;

/// <summary>One root-plan item at one level.</summary>
/// <param name="ItemId">The item's id in the root plan.</param>
/// <param name="Heading">Its heading.</param>
/// <param name="Deadlines">Effective deadlines at this level.</param>
/// <param name="DaysLeft">Working days between receipt and the deadline.</param>
/// <param name="Passed">Bodies whose deadline had passed before they received the plan.</param>
/// <param name="Infeasible">Bodies with fewer working days left than the threshold (passed included).</param>
/// <param name="OnTime">Bodies predicted to complete the item by their deadline.</param>
/// <param name="LaterThanParent">Bodies whose deadline is later than their parent's (only where the scenario allows it).</param>
public sealed record ItemLevelReport(
    string ItemId,
    string Heading,
    DateStat? Deadlines,
    Stat? DaysLeft,
    int Passed,
    int Infeasible,
    int OnTime,
    int LaterThanParent);
