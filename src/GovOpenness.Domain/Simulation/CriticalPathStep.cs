using GovOpenness.Domain.Hierarchy;

namespace GovOpenness.Domain.Simulation;

/// <summary>One link of the critical path: a body whose issuing delay was passed on to its subtree.</summary>
/// <param name="BodyId">Its id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Level">Its level.</param>
/// <param name="Receipt">When it received its parent's plan.</param>
/// <param name="Issue">When it issued its own.</param>
/// <param name="DelayDays">Calendar days it took.</param>
/// <param name="DelayWorkingDays">Working days it took: what its children lost.</param>
/// <param name="InfeasibleBelow">Infeasible bodies in its subtree (itself included).</param>
/// <param name="SubtreeBodies">Bodies in its subtree (itself included).</param>
public sealed record CriticalPathStep(
    string BodyId,
    string Name,
    BodyLevel Level,
    DateOnly Receipt,
    DateOnly Issue,
    int DelayDays,
    int DelayWorkingDays,
    int InfeasibleBelow,
    int SubtreeBodies);
