namespace GovOpenness.Grains.Hosting;

/// <summary>
/// At most <paramref name="capacity"/> holders at once; when a place frees, a waiter marked urgent goes
/// before every other (the replay's cascade steps before its completions, which nothing waits for).
/// </summary>
internal sealed class PriorityGate(int capacity)
{
    private readonly Queue<TaskCompletionSource> _urgent = new();
    private readonly Queue<TaskCompletionSource> _other = new();
    private readonly Lock _lock = new();
    private int _free = Math.Max(1, capacity);

    public Task EnterAsync(bool urgent, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_free > 0)
            {
                _free--;
                return Task.CompletedTask;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            (urgent ? _urgent : _other).Enqueue(waiter);
            return waiter.Task.WaitAsync(cancellationToken);
        }
    }

    public void Leave()
    {
        TaskCompletionSource? next;
        lock (_lock)
        {
            if (!_urgent.TryDequeue(out next) && !_other.TryDequeue(out next))
            {
                _free++;
                return;
            }
        }

        // The place passes straight to the next waiter.
        next.SetResult();
    }
}
