using GovOpenness.Grains.State;
using Orleans.Storage;

namespace GovOpenness.Grains.Tests;

/// <summary>
/// Issue 16: a state's writes are a group commit. One write in flight at a time (each carries the ETag the one
/// before returned); the changes made meanwhile share the next write, and each caller is answered only once a
/// write that began after its change is stored.
/// </summary>
public sealed class LazyStateGroupCommitTests
{
    [Fact]
    public async Task Changes_made_while_a_write_is_in_flight_share_the_next_write_and_none_is_answered_before_its_write_is_stored()
    {
        var storage = new HeldStorage();
        var state = new LazyState<List<string>>(storage, "names", GrainId.Create("test", "group"));

        state.State.Add("c0");
        var first = state.WriteAsync();
        var written = await storage.NextWrite();
        var rest = Enumerable.Range(1, 20).Select(i =>
        {
            state.State.Add($"c{i}");
            return state.WriteAsync();
        }).ToList();

        Assert.Equal(["c0"], written.Names);
        Assert.False(first.IsCompleted);
        Assert.All(rest, r => Assert.False(r.IsCompleted));
        var queued = state.QueuedAsync(20);
        var more = state.QueuedAsync(21);
        Assert.True(queued.IsCompleted);
        Assert.False(more.IsCompleted);
        written.Store();
        await first;
        Assert.All(rest, r => Assert.False(r.IsCompleted));

        var second = await storage.NextWrite();
        Assert.Equal(21, second.Names.Count);
        Assert.False(state.QueuedAsync(1).IsCompleted);
        Assert.False(more.IsCompleted);
        second.Store();
        await Task.WhenAll(rest);

        Assert.Equal(2, storage.Writes);
        Assert.Equal(21, storage.Stored.Count);
        await state.StoredAsync();
        Assert.Equal(2, storage.Writes);
    }

    [Fact]
    public async Task A_failed_write_fails_every_caller_that_shared_it_and_the_state_is_written_again_when_asked_if_stored()
    {
        var storage = new HeldStorage();
        var state = new LazyState<List<string>>(storage, "names", GrainId.Create("test", "failed"));

        state.State.Add("c0");
        var first = state.WriteAsync();
        var held = await storage.NextWrite();
        state.State.Add("c1");
        var shared = state.WriteAsync();
        held.Store();
        await first;
        (await storage.NextWrite()).Fail();

        await Assert.ThrowsAsync<IOException>(() => shared);
        var again = state.StoredAsync();
        (await storage.NextWrite()).Store();
        await again;

        Assert.Equal(["c0", "c1"], storage.Stored);
        Assert.Equal(3, storage.Writes);
    }

    /// <summary>Holds each write until the test stores or fails it; what it would store is copied when it begins.</summary>
    private sealed class HeldStorage : IGrainStorage
    {
        private readonly Queue<TaskCompletionSource<Held>> _waiting = new();
        private readonly Queue<Held> _begun = new();
        private readonly Lock _lock = new();

        public int Writes { get; private set; }

        public List<string> Stored { get; private set; } = [];

        public Task<Held> NextWrite()
        {
            lock (_lock)
            {
                if (_begun.TryDequeue(out var held))
                {
                    return Task.FromResult(held);
                }

                var waiting = new TaskCompletionSource<Held>(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiting.Enqueue(waiting);
                return waiting.Task;
            }
        }

        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            var held = new Held([.. (List<string>)(object)grainState.State!]);
            lock (_lock)
            {
                Writes++;
                if (_waiting.TryDequeue(out var waiting))
                {
                    waiting.SetResult(held);
                }
                else
                {
                    _begun.Enqueue(held);
                }
            }

            return held.Done.Task.ContinueWith(t =>
            {
                if (t.Result)
                {
                    Stored = held.Names;
                }
                else
                {
                    throw new IOException("injected by the test: the database is restarting");
                }
            }, TaskScheduler.Default);
        }

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;
    }

    private sealed record Held(List<string> Names)
    {
        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Store() => Done.SetResult(true);

        public void Fail() => Done.SetResult(false);
    }
}
