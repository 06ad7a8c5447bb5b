using Orleans.Storage;

namespace GovOpenness.Grains.State;

/// <summary>
/// A grain state read only when the grain needs it. Unlike [PersistentState], nothing is read on
/// activation: a body activated by a delivery that says it keeps no state costs no storage read.
/// Writes are serialized, since a background delivery and a request may both want to write.
/// </summary>
internal sealed class LazyState<T>(IGrainStorage storage, string name, GrainId grainId) : IGrainState<T>
    where T : class, new()
{
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    private T _state = new();

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public T State
    {
        get => _state;
        set => _state = value ?? new T();
    }

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }

    public Task ReadAsync() => storage.ReadStateAsync(name, grainId, this);

    public async Task WriteAsync()
    {
        await _writeGate.WaitAsync();
        try
        {
            await storage.WriteStateAsync(name, grainId, this);
        }
        finally
        {
            _writeGate.Release();
        }
    }
}
