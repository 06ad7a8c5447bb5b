namespace GovOpenness.Abstractions.Diagnostics;

/// <summary>
/// For tests and operators: whether the silo that answers (a stateless worker is always local to its
/// caller) has settled — deliveries acknowledged, the milestone relay empty, roll-ups flushed to the
/// parents, pushes forwarded. Never part of the commands or the protocol between bodies.
/// </summary>
[Alias("gov.ISettledGrain")]
public interface ISettledGrain : IGrainWithIntegerKey
{
    /// <summary>What is pending on this silo now.</summary>
    [Alias("GetReport")]
    Task<SettledReport> GetReportAsync();

    /// <summary>Returns as soon as this silo has settled, or after <paramref name="limit"/> with what is still pending.</summary>
    [Alias("WaitSettled")]
    Task<SettledReport> WaitSettledAsync(TimeSpan limit);
}
