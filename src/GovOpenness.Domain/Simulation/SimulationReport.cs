namespace GovOpenness.Domain.Simulation;

/// <summary>The summary of a run: what <c>govctl simulate</c> prints and serializes.</summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Seed">Its seed.</param>
/// <param name="Start">The root's issue date.</param>
/// <param name="Bodies">Bodies simulated, each exactly once.</param>
/// <param name="Infeasible">Bodies whose deadline had passed or left fewer than <paramref name="InfeasibleBelow"/> working days at receipt.</param>
/// <param name="Passed">Bodies whose deadline had passed before they received the plan.</param>
/// <param name="InfeasibleBelow">The threshold, in working days.</param>
/// <param name="OnTimeShare">Share of (body, item) pairs predicted done on time.</param>
/// <param name="LaterThanParent">(body, item) deadlines later than the parent's: 0 unless the scenario allows exceptions.</param>
/// <param name="Levels">Per level, top down.</param>
/// <param name="CriticalPath">From the root down: at each step the child whose subtree holds the most infeasible bodies.</param>
/// <param name="WorstBodies">The bodies with the fewest working days left (up to 20).</param>
/// <param name="InfeasibleBodies">Every infeasible body, in hierarchy order (parents first), with its tightest item.</param>
public sealed record SimulationReport(
    string Scenario,
    ulong Seed,
    DateOnly Start,
    int Bodies,
    int Infeasible,
    int Passed,
    int InfeasibleBelow,
    double OnTimeShare,
    int LaterThanParent,
    IReadOnlyList<LevelReport> Levels,
    IReadOnlyList<CriticalPathStep> CriticalPath,
    IReadOnlyList<InfeasibleBody> WorstBodies,
    IReadOnlyList<InfeasibleBody> InfeasibleBodies);
