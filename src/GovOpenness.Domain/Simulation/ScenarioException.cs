namespace GovOpenness.Domain.Simulation;

/// <summary>
/// A scenario that cannot be simulated. The message is Chinese and starts with the field at fault,
/// e.g. "levels.county.issueDelay.mean：不能为负数".
/// </summary>
public sealed class ScenarioException(string field, string problem)
    : Exception($"{field}：{problem}")
{
    /// <summary>The dotted path of the field, e.g. "levels.county.issueDelay.mean".</summary>
    public string Field { get; } = field;

    public string Problem { get; } = problem;
}
