using GovOpenness.Domain.Hierarchy;

namespace GovOpenness.Domain.Simulation;

/// <summary>
/// A validated simulation scenario (see samples/scenarios/README.md for the file format and
/// <see cref="ScenarioReader"/> for reading one).
/// </summary>
/// <param name="Name">A title for reports.</param>
/// <param name="RootId">The body whose plan starts the cascade: "cn" or a subtree root such as "14".</param>
/// <param name="Depth">The lowest level simulated (township, or village to synthesize villages).</param>
/// <param name="Start">The root's issue date.</param>
/// <param name="Seed">The random seed: same scenario and seed, same output.</param>
/// <param name="PlanTitle">The root plan's title.</param>
/// <param name="Items">The root plan's dated items.</param>
/// <param name="Levels">Behaviour per level, indexed by <see cref="BodyLevel"/> (Nation…Village); null where unset.</param>
/// <param name="Overrides">Named bodies that behave differently.</param>
/// <param name="InfeasibleBelow">Fewer working days left than this at receipt makes a body infeasible (default 10).</param>
public sealed record Scenario(
    string Name,
    string RootId,
    BodyLevel Depth,
    DateOnly Start,
    ulong Seed,
    string PlanTitle,
    IReadOnlyList<SimulatedItem> Items,
    IReadOnlyList<LevelBehaviour?> Levels,
    IReadOnlyList<BodyOverride> Overrides,
    int InfeasibleBelow = 10)
{
    public LevelBehaviour BehaviourOf(BodyLevel level) => Levels[(int)level] ?? LevelBehaviour.Immediate;
}
