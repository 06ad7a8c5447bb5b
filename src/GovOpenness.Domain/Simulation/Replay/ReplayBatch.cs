namespace GovOpenness.Domain.Simulation.Replay;

/// <summary>
/// Steps of one kind on one virtual day that do not depend on each other, so a driver may run them
/// concurrently. Batches come in the order they must run.
/// </summary>
/// <param name="Date">The virtual day.</param>
/// <param name="Kind">What every body in the batch does.</param>
/// <param name="Depth">Levels below the scenario's root (0: the root); for <see cref="ReplayStepKind.Complete"/> every depth.</param>
/// <param name="Steps">One entry per body: its ordinal in the run's hierarchy and, for completions, the items done that day.</param>
public sealed record ReplayBatch(DateOnly Date, ReplayStepKind Kind, int Depth, IReadOnlyList<ReplayStep> Steps)
{
    /// <summary>Events this batch stands for: one per body, or one per (body, item) completed.</summary>
    public int EventCount => Kind == ReplayStepKind.Complete ? Steps.Sum(s => s.Items.Count) : Steps.Count;
}

/// <summary>One body's part of a batch.</summary>
/// <param name="Body">The body's ordinal in <see cref="SimulationRun.Hierarchy"/>.</param>
/// <param name="Items">Indices into the scenario's items (completions only; empty otherwise).</param>
public sealed record ReplayStep(int Body, IReadOnlyList<int> Items);
