using GovOpenness.Abstractions.Bodies;
using GovOpenness.Abstractions.Plans;
using Orleans.Concurrency;

namespace GovOpenness.Abstractions;

/// <summary>
/// For tests and operators (the replay driver, benchmarks): how far a body's deliveries have got, a
/// wait for one to complete, the history of rebases, and a wait for changes queued behind a profile
/// write. Never needed to run the hierarchy.
/// </summary>
[Alias("gov.IBodyDiagnosticsGrain")]
public interface IBodyDiagnosticsGrain : IGrainWithStringKey
{
    /// <summary>How far the delivery of this body's current version has got, or null if none ran here.</summary>
    [Alias("GetDeliveryStatus"), AlwaysInterleave]
    Task<DeliveryStatus?> GetDeliveryStatusAsync(int year);

    /// <summary>Completes once this body's current version for the year has reached its whole subtree.</summary>
    [Alias("WaitForDelivery"), AlwaysInterleave]
    Task<DeliveryStatus?> WaitForDeliveryAsync(int year);

    /// <summary>Stamps of parent versions this body rebased its own changes onto, oldest first.</summary>
    [Alias("GetRebaseHistory"), AlwaysInterleave]
    Task<IReadOnlyList<string>> GetRebaseHistoryAsync(int year);

    /// <summary>
    /// Completes once at least <paramref name="count"/> changes (children's notes, departments attached) wait for
    /// this body's next profile write, queued behind the one in flight. Their own calls answer only once that write
    /// is stored, and a call sent after them may overtake them: this is how a test knows all have joined it.
    /// </summary>
    [Alias("WaitForQueuedProfileChanges"), AlwaysInterleave]
    Task WaitForQueuedProfileChangesAsync(int count);
}
