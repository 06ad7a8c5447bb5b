using Orleans.Storage;

namespace GovOpenness.Grains.State;

/// <summary>
/// A grain state read only when the grain needs it. Unlike [PersistentState], nothing is read on
/// activation: a body activated by a delivery that says it keeps no state costs no storage read.
/// Writes are serialized, since a background delivery and a request may both want to write. Every
/// write carries the ETag read (Orleans' ADO.NET storage checks it): a stale activation's write
/// throws <see cref="InconsistentStateException"/> instead of overwriting, and the activation is told
/// to leave (<paramref name="onStale"/>), so the caller's retry reads the current state (issue 11).
/// </summary>
internal sealed class LazyState<T>(IGrainStorage storage, string name, GrainId grainId, Action? onStale = null) : IGrainState<T>
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
        catch (InconsistentStateException)
        {
            onStale?.Invoke();
            throw;
        }
        finally
        {
            _writeGate.Release();
        }
    }
}
