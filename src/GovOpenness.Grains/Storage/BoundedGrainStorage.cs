using GovOpenness.Abstractions;
using Orleans.Storage;

namespace GovOpenness.Grains.Storage;

/// <summary>
/// Wraps a grain storage with a cap on operations in flight, and counts them. Microsoft.Data.Sqlite
/// runs "async" calls synchronously: without a cap a burst of writes would hold every thread-pool
/// thread (SQLite takes one writer at a time anyway), and awaited on the grain's scheduler such a call
/// would block the grain thread itself. So for a blocking driver the call runs on the thread pool;
/// the grain awaits it like any other I/O. A driver's failure leaves as a
/// <see cref="StorageUnavailableException"/>, which can cross silos (the driver's own cannot).
/// </summary>
public sealed class BoundedGrainStorage(
    IGrainStorage inner,
    int maxConcurrentWrites,
    int maxConcurrentReads,
    StorageCounters counters,
    bool driverBlocks = false) : IGrainStorage
{
    private readonly SemaphoreSlim _writes = new(maxConcurrentWrites, maxConcurrentWrites);
    private readonly SemaphoreSlim _reads = new(maxConcurrentReads, maxConcurrentReads);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        BoundedAsync(_reads, counters.CountRead, $"read {stateName} of {grainId}", () => inner.ReadStateAsync(stateName, grainId, grainState));

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        BoundedAsync(_writes, counters.CountWrite, $"write {stateName} of {grainId}", () => inner.WriteStateAsync(stateName, grainId, grainState));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        BoundedAsync(_writes, counters.CountWrite, $"clear {stateName} of {grainId}", () => inner.ClearStateAsync(stateName, grainId, grainState));

    private async Task BoundedAsync(SemaphoreSlim gate, Action count, string what, Func<Task> operation)
    {
        await gate.WaitAsync();
        try
        {
            count();
            await (driverBlocks ? Task.Run(operation) : operation());
        }
        catch (Exception e) when (StorageUnavailableException.IsDriverFailure(e))
        {
            throw new StorageUnavailableException(what, e);
        }
        finally
        {
            gate.Release();
        }
    }
}
