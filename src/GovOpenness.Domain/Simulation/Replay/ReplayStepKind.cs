namespace GovOpenness.Domain.Simulation.Replay;

/// <summary>What a body does at one step of a replay.</summary>
public enum ReplayStepKind
{
    /// <summary>The body receives its parent's plan and acknowledges (签收) every item.</summary>
    Receive,

    /// <summary>The body issues its plan: the root publishes it, every other body localizes its parent's.</summary>
    Issue,

    /// <summary>The body reports (反馈) the items it completed that day.</summary>
    Complete,
}
