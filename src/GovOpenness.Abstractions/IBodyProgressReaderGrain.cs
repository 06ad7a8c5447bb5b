using GovOpenness.Domain.Progress;

namespace GovOpenness.Abstractions;

/// <summary>
/// Reads a body's own progress record for a year (the progress grain, keyed "{bodyId}/{year}"): each
/// item's status and the days it was acknowledged, reported and closed. Separate from
/// <see cref="IProgressGrain"/> so readers (replays, checks) need not touch the roll-up contract.
/// </summary>
[Alias("gov.IBodyProgressReaderGrain")]
public interface IBodyProgressReaderGrain : IGrainWithStringKey
{
    /// <summary>The body's own progress record, targets included.</summary>
    [Alias("GetOwnProgress"), Orleans.Concurrency.AlwaysInterleave]
    Task<BodyProgress> GetOwnProgressAsync();
}
