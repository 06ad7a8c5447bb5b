using GovOpenness.Abstractions;

namespace GovOpenness.Grains.Tests;

/// <summary>
/// Issue 16: children that note themselves to their parent at once (a county's townships issuing on one day)
/// share the parent's profile writes instead of one write each, one after another; each note is answered only
/// once a write that holds its child is stored, and every child is still known after the parent reactivates.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ChildStateNotesTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task Notes_of_many_children_at_once_share_the_parents_writes_and_all_survive_a_reactivation()
    {
        var key = Guid.NewGuid().ToString("N")[..10];
        var parent = $"11.g{key}";
        await TestPlans.Register(_grains, parent, "合并写入测试厅", "11");
        var children = Enumerable.Range(0, 30).Select(i => $"11.g{key}c{i}").ToList();
        var peer = _grains.GetGrain<IBodyDeliveryGrain>(parent);
        var before = StorageFaults.WritesOf("body-profile", parent);
        var held = StorageFaults.HoldNextWrite("body-profile", parent);

        var first = peer.NoteChildStateAsync(children[0]);
        // The bound only ends a failing run; a passing one goes on at the signals.
        await held.Started.WaitAsync(TimeSpan.FromSeconds(30));
        var rest = children.Skip(1).Select(peer.NoteChildStateAsync).ToList();

        // The parent's own word that all 29 have joined the next write, queued behind the held one. A call sent
        // after the notes is no such signal: it may overtake them, and the notes that arrive once the held write
        // is released start further writes. The bound only ends a failing run.
        await _grains.GetGrain<IBodyDiagnosticsGrain>(parent).WaitForQueuedProfileChangesAsync(rest.Count).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(first.IsCompleted);
        Assert.All(rest, note => Assert.False(note.IsCompleted));
        held.Release();
        await Task.WhenAll(rest.Append(first));
        var writes = StorageFaults.WritesOf("body-profile", parent) - before;
        Assert.Equal(2, writes);

        // Read again from storage: noting them again writes nothing, each is stored.
        await _grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await Task.WhenAll(children.Select(peer.NoteChildStateAsync));
        Assert.Equal(writes, StorageFaults.WritesOf("body-profile", parent) - before);
    }
}
