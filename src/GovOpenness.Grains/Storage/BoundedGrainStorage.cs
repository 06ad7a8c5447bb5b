using Orleans.Storage;

namespace GovOpenness.Grains.Storage;

/// <summary>
/// Wraps a grain storage with a cap on operations in flight. Microsoft.Data.Sqlite runs "async" calls
/// synchronously, so without a cap a burst of writes would hold every thread-pool thread (and SQLite
/// takes one writer at a time anyway). Also counts operations.
/// </summary>
public sealed class BoundedGrainStorage(IGrainStorage inner, int maxConcurrentWrites, int maxConcurrentReads, StorageCounters counters) : IGrainStorage
{
    private readonly SemaphoreSlim _writes = new(maxConcurrentWrites, maxConcurrentWrites);
    private readonly SemaphoreSlim _reads = new(maxConcurrentReads, maxConcurrentReads);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _reads.WaitAsync();
        try
        {
            counters.CountRead();
            await inner.ReadStateAsync(stateName, grainId, grainState);
        }
        finally
        {
            _reads.Release();
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _writes.WaitAsync();
        try
        {
            counters.CountWrite();
            await inner.WriteStateAsync(stateName, grainId, grainState);
        }
        finally
        {
            _writes.Release();
        }
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _writes.WaitAsync();
        try
        {
            counters.CountWrite();
            await inner.ClearStateAsync(stateName, grainId, grainState);
        }
        finally
        {
            _writes.Release();
        }
    }
}
