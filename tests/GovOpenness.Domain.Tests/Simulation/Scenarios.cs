using GovOpenness.Domain.Simulation;

namespace GovOpenness.Domain.Tests.Simulation;

/// <summary>Scenario texts and the sample files, for the simulation tests.</summary>
internal static class Scenarios
{
    public static string SamplesDirectory { get; } = FindSamples();

    public static Scenario Sample(string file) => ScenarioReader.ReadFile(Path.Combine(SamplesDirectory, file));

    /// <summary>A small scenario: 吕梁市 down to its townships, with fixed delays unless replaced.</summary>
    public static string Lvliang(string levels = DefaultLevels, string extra = "") => $$"""
        name: 测试
        seed: 7
        start: 2022-04-26
        scope: { root: "1411", depth: township }
        rootPlan:
          items:
            - { id: "A", deadline: 2022-11-30 }
            - { id: "B", deadline: 2022-07-15 }
        levels:
        {{levels}}
        {{extra}}
        """;

    public const string DefaultLevels = """
          county:
            issueDelay: { kind: lognormal, mean: 30, sigma: 0.6 }
            deadlineRule: { kind: workingDaysBefore, days: 5, jitter: 3 }
            completion: { kind: triangular, min: 10, mode: 60, max: 150 }
            lateShare: 0.2
            lateExtraDelay: { kind: uniform, min: 10, max: 40 }
          township:
            issueDelay: { kind: uniform, min: 5, max: 40 }
            deadlineRule: { kind: workingDaysBefore, days: 3 }
            completion: { kind: lognormal, mean: 40, sigma: 0.5 }
        """;

    public static Scenario Read(string yaml) => ScenarioReader.Read(yaml, SamplesDirectory);

    private static string FindSamples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "scenarios");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("samples/scenarios not found above the test output directory");
    }
}
