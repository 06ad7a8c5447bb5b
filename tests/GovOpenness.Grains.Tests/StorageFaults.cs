using System.Collections.Concurrent;
using Orleans.Storage;

namespace GovOpenness.Grains.Tests;

/// <summary>
/// The plans storage of every test silo, wrapped: a test arms the next write of one state of one grain
/// to fail (as a write does while the database restarts) and the real SQLite write is not made. Nothing
/// is armed by default, so every other test sees the storage as it is. Keys are unique per test.
/// </summary>
internal sealed class StorageFaults(IGrainStorage inner) : IGrainStorage
{
    private static readonly ConcurrentDictionary<(string State, string Grain), int> Armed = new();

    /// <summary>The next write of <paramref name="stateName"/> for the body grain <paramref name="bodyId"/> fails.</summary>
    public static void FailNextWrite(string stateName, string bodyId) =>
        Armed.AddOrUpdate((stateName, GrainId.Create("body", bodyId).ToString()), 1, (_, n) => n + 1);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Fails(stateName, grainId) ? throw new Abstractions.StorageUnavailableException($"write {stateName} of {grainId}", new IOException("injected by the test: the database is restarting"))
            : inner.WriteStateAsync(stateName, grainId, grainState);

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
