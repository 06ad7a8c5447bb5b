using GovOpenness.Abstractions.Plans;
using GovOpenness.Abstractions.Progress;
using GovOpenness.Domain.Progress;
using GovOpenness.Grains.Hosting;
using GovOpenness.Grains.Pipeline;
using Microsoft.Extensions.Time.Testing;

namespace GovOpenness.Grains.Tests;

/// <summary>
/// A parent keeping its followers counted (<see cref="FollowerRollup"/>), on a real journal with the body
/// grain's answer given here: which receipts it keeps, what is stored before what counts, the followers'
/// items per plan version, and their lights on a new day.
/// </summary>
public sealed class FollowerRollupTests : IAsyncLifetime
{
    private const string Parent = "141181";
    private const string Key = "141181/2022";
    private static readonly DateOnly Received = new(2022, 5, 10);

    // 10:00 in China on 2022-10-14.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2022, 10, 14, 2, 0, 0, TimeSpan.Zero));
    private readonly SubtreeRollup _rollup = new(Parent, 2022);
    private JournalOnDisk _journal = null!;
    private VersionedRecord _record = null!;
    private ChildrenList _children = null!;
    private PlanDelivery? _delivery = Delivery("v1", new DateOnly(2022, 11, 30));
    private bool _deliveryFails;
    private int _deliveryCalls;
    private int _owed;
    private int _changed;

    public async Task InitializeAsync()
    {
        _journal = new JournalOnDisk();
        _record = await _journal.LoadedAsync(Key + "/followers");
        var children = await _journal.LoadedAsync(Key + "/children");
        _children = new ChildrenList(children);
    }

    public async Task DisposeAsync() => await _journal.DisposeAsync();

    [Fact]
    public async Task Receipts_of_children_that_keep_their_own_progress_go_back_and_the_others_are_journaled_and_counted()
    {
        var followers = Followers();
        await followers.LoadAsync(null);
        Assert.Equal(0, _deliveryCalls);
        _children.Add("141181001");
        Assert.Null(followers.Claim("141181003"));

        var own = await followers.NoteReceivedAsync(Receipts("141181001", "141181002", "141181003", "141181004"));

        Assert.Equal(new[] { "141181001", "141181003" }, own);
        Assert.Equal(1, _record.Version);
        Assert.Equal(FollowerSummaries.Epoch, _rollup.EpochOf("141181002"));
        Assert.Equal(FollowerSummaries.Epoch, _rollup.EpochOf("141181004"));
        Assert.Null(_rollup.EpochOf("141181001"));
        Assert.Equal(2, _rollup.Summary.Counts.Bodies);
        Assert.Equal((1, 1), (_owed, _changed));

        // The parent's receipt for a follower that becomes active, with the day the parent issued the plan (none yet: the earliest receipt).
        Assert.Equal(new ChildReceipt("141181002", Received, Received), followers.Claim("141181002"));
    }

    [Fact]
    public async Task The_plan_is_asked_before_the_receipts_are_written_so_a_failed_call_stores_and_counts_nothing()
    {
        var followers = Followers();
        await followers.LoadAsync(null);
        _deliveryFails = true;

        await Assert.ThrowsAsync<InvalidOperationException>(() => followers.NoteReceivedAsync(Receipts("141181002")));
        Assert.Equal(0, _record.Version);
        Assert.Null(_rollup.EpochOf("141181002"));

        // The relay's repeat.
        _deliveryFails = false;
        Assert.Empty(await followers.NoteReceivedAsync(Receipts("141181002")));
        Assert.Equal(1, _record.Version);
        Assert.Equal(FollowerSummaries.Epoch, _rollup.EpochOf("141181002"));
    }

    [Fact]
    public async Task A_new_plan_version_gives_every_follower_its_items_again_and_the_same_version_only_the_new_ones()
    {
        var followers = Followers();
        await followers.LoadAsync(null);
        await followers.NoteReceivedAsync(Receipts("141181002"));
        Assert.Equal(0, _rollup.Summary.Counts.ItemsOverdue);

        // The county moved the deadline to 7月底, already past: both followers' items are overdue.
        _delivery = Delivery("v2", new DateOnly(2022, 7, 31));
        await followers.NoteReceivedAsync(Receipts("141181004"));
        Assert.Equal(2, _rollup.Summary.Counts.ItemsOverdue);
        Assert.Equal(2, _deliveryCalls);
    }

    [Fact]
    public async Task A_new_activation_counts_the_journaled_followers_with_their_items_and_a_new_day_moves_their_lights()
    {
        _delivery = Delivery("v1", new DateOnly(2022, 10, 14));
        await Followers().NoteReceivedAsync(Receipts("141181002", "141181004"));

        var rollup = new SubtreeRollup(Parent, 2022);
        var activated = new FollowerRollup(
            new FollowerSummaries(await _journal.LoadedAsync(Key + "/followers"), Parent, 2022), _children, rollup, new ProgressClock(_clock),
            () => null, DeliveryAsync, () => _owed++, () => _changed++);
        await activated.LoadAsync(await _record.LoadStoredAsync());
        Assert.Equal(2, rollup.Summary.Counts.Bodies);
        Assert.Equal(2, rollup.Summary.Counts.Items);
        Assert.Equal(0, rollup.Summary.Counts.ItemsOverdue);

        _clock.Advance(TimeSpan.FromDays(1));
        activated.Recount();
        Assert.Equal(2, rollup.Summary.Counts.ItemsOverdue);
    }

    [Fact]
    public async Task A_follower_noted_with_its_leaves_counts_them_all_and_hands_the_count_on_when_it_claims_its_receipt()
    {
        var followers = Followers(LeavesOf);
        await followers.LoadAsync(null);

        var own = await followers.NoteReceivedAsync([new ChildReceipt("141181100", Received, Leaves: 3), .. Receipts("141181101")]);

        Assert.Empty(own);
        Assert.Equal(1, _record.Version);
        Assert.Equal(1 + 3 + 1, _rollup.Summary.Counts.Bodies);
        Assert.Equal(1 + 3 + 1, _rollup.Summary.Counts[SummaryFigure.BodiesReceived]);
        Assert.Equal(1 + 3 + 1, _rollup.Summary.Counts.Items);
        Assert.Equal(new ChildReceipt("141181100", Received, Received, 3), followers.Claim("141181100"));
    }

    [Fact]
    public async Task A_township_that_adopts_its_villages_stores_them_before_they_count_and_once()
    {
        var followers = Followers();
        await followers.LoadAsync(null);
        _deliveryFails = true;
        await Assert.ThrowsAsync<InvalidOperationException>(() => followers.AdoptLeavesAsync(["141181001", "141181002"], Received, Received));
        Assert.Equal(0, _record.Version);
        Assert.Equal(0, _rollup.Summary.Counts.Bodies);

        // Adopted again (the adoption failed, so it runs again): stored and counted; a later activation's adoption writes nothing.
        _deliveryFails = false;
        await followers.AdoptLeavesAsync(["141181001", "141181002"], Received, Received);
        await followers.AdoptLeavesAsync(["141181001", "141181002"], Received, Received);
        Assert.Equal(1, _record.Version);
        Assert.Equal(2, _rollup.Summary.Counts[SummaryFigure.BodiesReceived]);
        Assert.Equal(new ChildReceipt("141181002", Received, Received), followers.Claim("141181002"));
    }

    private static IReadOnlyList<string> LeavesOf(string child) => child == "141181100" ? ["141181100001", "141181100002", "141181100003"] : [];

    private FollowerRollup Followers(Func<string, IReadOnlyList<string>>? leavesOf = null) => new(
        new FollowerSummaries(_record, Parent, 2022, leavesOf), _children, _rollup, new ProgressClock(_clock), () => null, DeliveryAsync, () => _owed++, () => _changed++);

    private Task<PlanDelivery?> DeliveryAsync()
    {
        _deliveryCalls++;
        return _deliveryFails ? Task.FromException<PlanDelivery?>(new InvalidOperationException("机构服务暂不可用")) : Task.FromResult(_delivery);
    }

    private static List<ChildReceipt> Receipts(params string[] children) => [.. children.Select(c => new ChildReceipt(c, Received))];

    private static PlanDelivery Delivery(string stamp, DateOnly due) =>
        new(2022, new EffectivePlan(Parent, 2022, stamp, "14", "2022年政务公开工作要点", null,
            [new EffectiveItem(TestPlans.Item("1.1", "公开重大建设项目批准和实施信息", due, "发展改革委"), "14", [])], [], []), null);
}
