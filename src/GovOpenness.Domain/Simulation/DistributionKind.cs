namespace GovOpenness.Domain.Simulation;

/// <summary>The shapes a duration (in days) may be drawn from.</summary>
public enum DistributionKind
{
    /// <summary>Always <c>value</c>.</summary>
    Fixed,

    /// <summary>Evenly between <c>min</c> and <c>max</c>.</summary>
    Uniform,

    /// <summary>Between <c>min</c> and <c>max</c>, most often near <c>mode</c>.</summary>
    Triangular,

    /// <summary>
    /// Right-skewed with arithmetic <c>mean</c> and log-space spread <c>sigma</c>: most bodies near the
    /// mean, a long tail of laggards (like 孝义市's 79 days).
    /// </summary>
    LogNormal,
}
