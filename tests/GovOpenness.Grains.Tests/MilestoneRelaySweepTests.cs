using GovOpenness.Abstractions;
using GovOpenness.Grains.Hosting;
using GovOpenness.Grains.Storage.Milestones;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GovOpenness.Grains.Tests;

/// <summary>
/// The relay's sweep and leases run on the injected wall clock: driven here by a FakeTimeProvider, a
/// stored note is re-sent exactly at the first sweep after its lease ran out, never before.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class MilestoneRelaySweepTests(ClusterFixture fixture) : IDisposable
{
    private static readonly DateTimeOffset Start = new(2022, 10, 14, 2, 0, 0, TimeSpan.Zero);
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"relay-sweep-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task A_stored_note_is_resent_at_the_first_sweep_after_its_lease_and_an_overdue_one_at_the_first_sweep()
    {
        var clock = new FakeTimeProvider(Start);
        Storage.DatabaseSchema.ApplySqlite(_file);
        using var store = new SqliteMilestoneNoteStore(_file, "relay-sweep-" + Guid.NewGuid().ToString("N"));
        var day = new DateOnly(2022, 10, 14);
        // One note whose lease has run out (its silo died a while ago), one stored just now by a silo that then died.
        await store.AddAsync([new MilestoneNote("relay-sweep-overdue", 2022, PlanMilestoneKind.Received, day)], Start - TimeSpan.FromSeconds(1));
        await store.AddAsync([new MilestoneNote("relay-sweep-leased", 2022, PlanMilestoneKind.Received, day)], Start + MilestoneRelay.Lease);

        await using var relay = new MilestoneRelay(fixture.Grains, new ProgressClock(clock), store, new ChinaBodyCatalog(), NullLogger<MilestoneRelay>.Instance, clock);
        Assert.Equal(TimeSpan.FromSeconds(10), MilestoneRelay.SweepInterval);
        Assert.Equal(-1, relay.StoredNotes);

        // 02:00:10: both counted, the overdue one claimed and sent.
        await SweepAsync(relay, clock);
        Assert.Equal(2, relay.StoredNotes);
        Assert.Equal(1, relay.Resent);

        // 02:00:20 … 02:01:00: the other one is still leased (due at 02:01:00, claimed only once past it).
        for (var second = 20; second <= 60; second += 10)
        {
            await SweepAsync(relay, clock);
            Assert.Equal(Start + TimeSpan.FromSeconds(second), clock.GetUtcNow());
            Assert.Equal(1, relay.Resent);
        }

        // 02:01:10: its lease has run out: claimed and sent.
        await SweepAsync(relay, clock);
        Assert.Equal(2, relay.Resent);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await relay.DrainAsync(deadline.Token);
        Assert.False(deadline.IsCancellationRequested, "the claimed notes were not sent");
        Assert.Equal(0, relay.Pending);
    }

    private static async Task SweepAsync(MilestoneRelay relay, FakeTimeProvider clock)
    {
        var swept = relay.NextSweepAsync();
        clock.Advance(MilestoneRelay.SweepInterval);
        await swept.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }
}
