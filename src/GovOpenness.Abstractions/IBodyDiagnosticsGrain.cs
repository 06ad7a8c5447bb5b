using GovOpenness.Abstractions.Bodies;
using GovOpenness.Abstractions.Plans;
using Orleans.Concurrency;

namespace GovOpenness.Abstractions;

/// <summary>
/// For tests and operators (the replay driver, benchmarks): how far a body's deliveries have got, a
/// wait for one to complete, and the history of rebases. Never needed to run the hierarchy.
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
}
