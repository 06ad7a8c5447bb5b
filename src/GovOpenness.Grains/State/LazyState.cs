using Orleans.Storage;

namespace GovOpenness.Grains.State;

/// <summary>
/// A grain state read only when the grain needs it. Unlike [PersistentState], nothing is read on
/// activation: a body activated by a delivery that says it keeps no state costs no storage read.
/// Every write carries the ETag read (Orleans' ADO.NET storage checks it): a stale activation's write
/// throws <see cref="InconsistentStateException"/> instead of overwriting, and the activation is told
/// to leave (<paramref name="onStale"/>), so the caller's retry reads the current state (issue 11).
/// </summary>
/// <remarks>
/// Writes are a group commit: one write of the state in flight at a time (each needs the ETag the one
/// before it returned), and callers that changed the state while one was in flight share the next one,
/// which starts when it ends and stores what the state holds then. So every caller is answered only once
/// a write that began after its change is stored (or fails with that write), and N interleaved changes
/// cost two writes, not N one after another (issue 16: a county's townships noting themselves to it).
/// Changes and calls are made on the grain's scheduler, never from two threads at once.
/// </remarks>
internal sealed class LazyState<T>(IGrainStorage storage, string name, GrainId grainId, Action? onStale = null) : IGrainState<T>
    where T : class, new()
{
    private T _state = new();

    /// <summary>The write in flight (null: none).</summary>
    private Task? _writing;

    /// <summary>The write that begins once the one in flight ends, shared by every caller meanwhile (null: none asked for).</summary>
    private TaskCompletionSource? _next;

    /// <summary>The last write failed: memory may hold changes that storage does not.</summary>
    private bool _lastFailed;

    /// <summary>How many callers of <see cref="WriteAsync"/> share <see cref="_next"/>, queued behind the write in flight.</summary>
    private int _queued;

    /// <summary>Callers of <see cref="QueuedAsync"/> still waiting, each for its count of queued callers.</summary>
    private readonly List<(int Count, TaskCompletionSource Reached)> _queuedWatchers = [];

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public T State
    {
        get => _state;
        set => _state = value ?? new T();
    }

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }

    public Task ReadAsync() => storage.ReadStateAsync(name, grainId, this);

    /// <summary>
    /// Stores the state as it is now or later: a write that begins now when none is in flight, else the next
    /// one, shared with whoever else asks before it begins.
    /// </summary>
    public Task WriteAsync()
    {
        if (_next is { } next)
        {
            NoteQueued();
            return next.Task;
        }

        _next = next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (_writing is null)
        {
            _ = WriteWhileAskedAsync();
        }
        else
        {
            NoteQueued();
        }

        return next.Task;
    }

    /// <summary>
    /// A diagnostic: completes once at least <paramref name="count"/> callers of <see cref="WriteAsync"/> share the
    /// next write, queued behind the one in flight. The callers themselves hear only once their write is stored, and a
    /// call sent after theirs may overtake them, so this is how a test of the group commit knows that every change
    /// has joined the next write before it lets the one in flight end. Only the next write's callers count: once it
    /// begins, the count starts again from none.
    /// </summary>
    public Task QueuedAsync(int count)
    {
        if (_queued >= count)
        {
            return Task.CompletedTask;
        }

        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _queuedWatchers.Add((count, reached));
        return reached.Task;
    }

    /// <summary>One more caller shares the next write: tells the watchers whose count it reaches.</summary>
    private void NoteQueued()
    {
        _queued++;
        for (var i = _queuedWatchers.Count - 1; i >= 0; i--)
        {
            if (_queuedWatchers[i].Count <= _queued)
            {
                _queuedWatchers[i].Reached.TrySetResult();
                _queuedWatchers.RemoveAt(i);
            }
        }
    }

    /// <summary>
    /// Completes once everything the state holds now is stored: the write waiting or in flight (each began
    /// after every change whose caller is still waiting for it), at once when all is stored, or a new write
    /// when the last one failed.
    /// </summary>
    public Task StoredAsync() => _next?.Task ?? _writing ?? (_lastFailed ? WriteAsync() : Task.CompletedTask);

    /// <summary>One write after another while callers ask for one; each begins with what the state holds then.</summary>
    private async Task WriteWhileAskedAsync()
    {
        while (_next is { } next)
        {
            _next = null;
            _queued = 0;
            _writing = next.Task;
            Exception? failure = null;
            try
            {
                await storage.WriteStateAsync(name, grainId, this);
            }
            catch (InconsistentStateException e)
            {
                failure = e;
                onStale?.Invoke();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failure = e;
            }

            // Settled before the callers hear: what they do next sees this write ended.
            _lastFailed = failure is not null;
            if (_next is null)
            {
                _writing = null;
            }

            if (failure is null)
            {
                next.TrySetResult();
            }
            else
            {
                next.TrySetException(failure);
            }
        }
    }
}
