using System.Collections.Concurrent;
using Orleans.Storage;

namespace GovOpenness.Grains.Tests;

/// <summary>
/// The plans storage of every test silo, wrapped: a test arms the next write of one state of one grain
/// to fail (as a write does while the database restarts) and the real SQLite write is not made, or holds
/// it until the test releases it (a slow write, to see what goes on meanwhile). Nothing is armed by
/// default, so every other test sees the storage as it is. Keys are unique per test.
/// </summary>
internal sealed class StorageFaults(IGrainStorage inner) : IGrainStorage
{
    private static readonly ConcurrentDictionary<(string State, string Grain), int> Armed = new();
    private static readonly ConcurrentDictionary<(string State, string Grain), HeldWrite> Holds = new();
    private static readonly ConcurrentDictionary<(string State, string Grain), int> Writes = new();

    /// <summary>A write held before it reaches the database: <see cref="Started"/> once it was asked for, made once released.</summary>
    internal sealed class HeldWrite
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Started => _started.Task;

        public void Release() => _released.TrySetResult();

        internal Task WaitAsync()
        {
            _started.TrySetResult();
            return _released.Task;
        }
    }

    /// <summary>The next write of <paramref name="stateName"/> for the body grain <paramref name="bodyId"/> waits until released.</summary>
    public static HeldWrite HoldNextWrite(string stateName, string bodyId)
    {
        var held = new HeldWrite();
        Holds[(stateName, GrainId.Create("body", bodyId).ToString())] = held;
        return held;
    }

    /// <summary>The next write of <paramref name="stateName"/> for the body grain <paramref name="bodyId"/> fails.</summary>
    public static void FailNextWrite(string stateName, string bodyId) =>
        Armed.AddOrUpdate((stateName, GrainId.Create("body", bodyId).ToString()), 1, (_, n) => n + 1);

    /// <summary>How many writes of <paramref name="stateName"/> the body grain <paramref name="bodyId"/> has asked for so far.</summary>
    public static int WritesOf(string stateName, string bodyId) => Writes.GetValueOrDefault((stateName, GrainId.Create("body", bodyId).ToString()));

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Writes.AddOrUpdate((stateName, grainId.ToString()), 1, (_, n) => n + 1);
        if (Holds.TryRemove((stateName, grainId.ToString()), out var held))
        {
            await held.WaitAsync();
        }

        if (Fails(stateName, grainId))
        {
            throw new Abstractions.StorageUnavailableException($"write {stateName} of {grainId}", new IOException("injected by the test: the database is restarting"));
        }

        await inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);

    private static bool Fails(string stateName, GrainId grainId)
    {
        var key = (stateName, grainId.ToString());
        while (Armed.TryGetValue(key, out var count))
        {
            if (count <= 1 ? Armed.TryRemove(KeyValuePair.Create(key, count)) : Armed.TryUpdate(key, count - 1, count))
            {
                return true;
            }
        }

        return false;
    }
}
