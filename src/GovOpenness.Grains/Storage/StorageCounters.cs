namespace GovOpenness.Grains.Storage;

/// <summary>Counts grain-state reads and writes (the benchmark prints them).</summary>
public sealed class StorageCounters
{
    private long _reads;
    private long _writes;

    public long Reads => Interlocked.Read(ref _reads);

    public long Writes => Interlocked.Read(ref _writes);

    internal void CountRead() => Interlocked.Increment(ref _reads);

    internal void CountWrite() => Interlocked.Increment(ref _writes);
}
