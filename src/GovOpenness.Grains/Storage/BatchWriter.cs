using System.Threading.Channels;

namespace GovOpenness.Grains.Storage;

/// <summary>
/// Group commit for anything: callers hand over an item and await; one loop takes everything queued
/// (up to <paramref name="maxBatch"/>), stores it with one call, then completes every caller (or
/// fails every one with the store's exception; a driver's failure as a
/// <see cref="Abstractions.StorageUnavailableException"/>, which can cross silos). Bounded: callers wait (await) when the store lags.
/// </summary>
public sealed class BatchWriter<T> : IAsyncDisposable
{
    private readonly Channel<(T Item, TaskCompletionSource Done)> _queue;
    private readonly Func<IReadOnlyList<T>, Task> _store;
    private readonly int _maxBatch;
    private readonly Task _loop;
    private readonly string _what;

    /// <param name="what">What is stored, for the exception when the database fails (e.g. "milestone notes").</param>
    public BatchWriter(Func<IReadOnlyList<T>, Task> store, int maxBatch = 4_096, int capacity = 16_384, string what = "batch write")
    {
        _store = store;
        _what = what;
        _maxBatch = maxBatch;
        _queue = Channel.CreateBounded<(T, TaskCompletionSource)>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _loop = Task.Run(LoopAsync);
    }

    public int QueueDepth => _queue.Reader.Count;

    /// <summary>Completes once the batch holding <paramref name="item"/> is stored.</summary>
    public async Task WriteAsync(T item)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _queue.Writer.WriteAsync((item, done));
        await done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task LoopAsync()
    {
        var batch = new List<(T Item, TaskCompletionSource Done)>(_maxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            try
            {
                await _store([.. batch.Select(b => b.Item)]);
                batch.ForEach(b => b.Done.TrySetResult());
            }
            catch (Exception e)
            {
                var failure = Abstractions.StorageUnavailableException.AtBoundary(_what, e);
                batch.ForEach(b => b.Done.TrySetException(failure));
            }
        }
    }
}
