namespace GovOpenness.Grains.State;

/// <summary>
/// Work an activation does once and then reuses (a lazy state read), where a failure must not stick:
/// a read that failed during a database blip would otherwise fail every later call of the activation
/// with the same old exception, for as long as it lives (the fault suite found a body whose plan answered
/// 503 for seven minutes after PostgreSQL restarted). Calls that shared the failed attempt see its
/// exception; the next call starts a fresh one.
/// </summary>
public sealed class OnceUnlessFailed(Func<Task> work)
{
    private Task? _attempt;

    public Task RunAsync()
    {
        if (_attempt is { IsFaulted: true } or { IsCanceled: true })
        {
            _attempt = null;
        }

        return _attempt ??= work();
    }

    /// <summary>Counts the work as done without running it (e.g. the state is known to be empty).</summary>
    public void MarkDone() => _attempt ??= Task.CompletedTask;
}
