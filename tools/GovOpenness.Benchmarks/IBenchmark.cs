namespace GovOpenness.Benchmarks;

/// <summary>
/// One measurement program. Each reports its timings as ratios against a baseline measured in the
/// same run, plus peak memory, so figures compare across machines.
/// </summary>
public interface IBenchmark
{
    /// <summary>The name given on the command line, e.g. "parse".</summary>
    string Name { get; }

    /// <summary>One line saying what it measures.</summary>
    string Description { get; }

    /// <summary>Runs the measurement and prints its report; returns the process exit code.</summary>
    int Run(string[] args);
}
