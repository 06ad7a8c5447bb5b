using GovOpenness.Abstractions.Progress;
using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Progress;
using GovOpenness.Grains.Pipeline;
using GovOpenness.Grains.Storage;
using GovOpenness.Grains.Storage.Journal;

namespace GovOpenness.Grains.Tests;

/// <summary>
/// The progress grain's record keepers on a real SQLite journal: its conditional writes
/// (<see cref="VersionedRecord"/>), its children list (<see cref="ChildrenList"/>) and its followers'
/// receipts (<see cref="FollowerSummaries"/>).
/// </summary>
public sealed class ProgressRecordTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2022, 10, 14);
    private readonly JournalOnDisk _disk = new();
    private ProgressJournal _journal = null!;

    public Task InitializeAsync()
    {
        _journal = _disk.Journal;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _disk.DisposeAsync();

    [Fact]
    public async Task A_write_on_a_version_another_activation_replaced_is_refused_and_the_activation_leaves()
    {
        var left = new List<string>();
        var first = new VersionedRecord(_journal, "141181/2022", () => left.Add("first"));
        var second = new VersionedRecord(_journal, "141181/2022", () => left.Add("second"));
        Assert.Null(await first.LoadAsync());
        Assert.Null(await second.LoadAsync());

        await first.WriteAsync("一");
        await Assert.ThrowsAsync<StaleProgressWriteException>(() => second.WriteAsync("二"));

        Assert.Equal(new[] { "second" }, left);
        Assert.Equal(0, second.Version);
        var stored = await new VersionedRecord(_journal, "141181/2022", () => { }).LoadAsync();
        Assert.Equal("一", stored!.Value.Payload);
        Assert.Equal(first.Version, stored.Value.Version);
    }

    [Fact]
    public async Task New_children_are_journaled_in_one_write_and_a_flush_with_none_new_writes_nothing()
    {
        var record = new VersionedRecord(_journal, "1411/2022/children", () => { });
        var children = new ChildrenList(record);
        children.Load(await record.LoadAsync());

        Assert.True(children.Add("141181"));
        Assert.True(children.Add("141102"));
        Assert.False(children.Add("141181"));
        await children.JournalAsync();
        var written = record.Version;
        await children.JournalAsync();
        Assert.Equal(written, record.Version);

        var restarted = new VersionedRecord(_journal, "1411/2022/children", () => { });
        var again = new ChildrenList(restarted);
        again.Load(await restarted.LoadAsync());
        Assert.Equal(new[] { "141181", "141102" }, again.All);
        Assert.True(again.Contains("141102"));
        Assert.False(again.Add("141102"));
    }

    [Fact]
    public async Task A_follower_counts_under_epoch_one_until_its_own_activation_sends_a_later_epoch()
    {
        var record = new VersionedRecord(_journal, "141181/2022/followers", () => { });
        var followers = new FollowerSummaries(record, "141181", 2022);
        followers.Load(await record.LoadAsync());
        var received = new DateOnly(2022, 5, 10);

        var changed = await followers.MergeAsync([new ChildReceipt("141181001", received), new ChildReceipt("141181002", received)], new DateOnly(2022, 5, 6));
        Assert.Equal(new[] { "141181001", "141181002" }, changed);
        Assert.Empty(await followers.MergeAsync([new ChildReceipt("141181001", received.AddDays(3))], new DateOnly(2022, 5, 6)));
        Assert.True(followers.NeedsTargets("v1"));
        Assert.False(followers.SetTargets("v1", [new ItemTarget("1.1", new DateOnly(2022, 6, 30))]));
        Assert.False(followers.NeedsTargets("v1"));

        // 141181002's own activation sent its summary under a later epoch: only 141181001 is counted here.
        var rollup = new SubtreeRollup("141181", 2022);
        rollup.Receive(new SummaryDelta("141181002", 2022, 5, 0, 1, SummaryCounts.Zero));
        Assert.True(followers.CountInto(rollup, followers.ChildIds, Today, WorkingDayCalendar.China));
        Assert.Equal(FollowerSummaries.Epoch, rollup.EpochOf("141181001"));
        Assert.Equal(5, rollup.EpochOf("141181002"));

        // Claimed: the child keeps its own progress and takes its receipt, with the parent's issue day.
        Assert.Equal(new ChildReceipt("141181001", received, new DateOnly(2022, 5, 6)), followers.Claim("141181001"));
        Assert.True(followers.IsClaimed("141181001"));
        Assert.Null(followers.Claim("141181009"));

        var restarted = new FollowerSummaries(record, "141181", 2022);
        restarted.Load(await new VersionedRecord(_journal, "141181/2022/followers", () => { }).LoadAsync());
        Assert.Equal(2, restarted.Count);
    }
}
