using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Plans;
using GovOpenness.Domain.Plans;
using GovOpenness.Domain.Progress;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace GovOpenness.Grains.Tests;

/// <summary>
/// The journal on clusters of their own: acknowledged updates survive a restart, a failed commit fails
/// the caller, lights turn red when the day changes, and plan milestones roll up with their lateness.
/// </summary>
public sealed class ProgressJournalRecoveryTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "govopenness-journal-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    [Fact]
    public async Task AcknowledgedUpdatesSurviveASiloRestart()
    {
        string root, a, b, a1;
        var first = await ClusterFixture.StartAsync(_dataDirectory, dispatch: true, silos: 1);
        try
        {
            (root, a, b, a1) = await TestPlans.DepartmentTreeAsync(first.Client);
            await first.Client.GetGrain<IBodyGrain>(root).PublishPlanAsync(TestPlans.ThreeItems(2022));
            await first.Client.GetGrain<IBodyDiagnosticsGrain>(root).WaitForDeliveryAsync(2022);

            // Acknowledged means committed: the cluster stops right after, with no flush or deactivation first.
            var acknowledged = await Task.WhenAll(new[] { a, b, a1 }.Select(id =>
                ProgressProbe.PostAsync(first.Client, id, new ProgressUpdate(2022, "1.2", ProgressStep.Acknowledged))));
            Assert.All(acknowledged, p => Assert.True(p.Succeeded, p.Error));
            var progressed = await Task.WhenAll(new[] { a, b, a1 }.Select(id =>
                ProgressProbe.PostAsync(first.Client, id, new ProgressUpdate(2022, "1.2", ProgressStep.InProgress, Percent: 60))));
            Assert.All(progressed, p => Assert.True(p.Succeeded, p.Error));
        }
        finally
        {
            await first.StopAllSilosAsync();
            await first.DisposeAsync();
        }

        var second = await ClusterFixture.StartAsync(_dataDirectory, dispatch: true, silos: 1);
        try
        {
            // Leaves: a subtree summary would also hold whatever the children's deltas brought meanwhile.
            foreach (var id in new[] { b, a1 })
            {
                var counts = await ProgressProbe.CountsAsync(second.Client, id);
                Assert.Equal(1, ProgressProbe.Figure(counts, "itemsInProgress"));
                Assert.Equal(60, ProgressProbe.Figure(counts, "weightedPercentSum"));
            }
        }
        finally
        {
            await second.StopAllSilosAsync();
            await second.DisposeAsync();
        }
    }

    [Fact]
    public async Task AFailedCommitFailsTheCallerAndChangesNothing()
    {
        var cluster = await ClusterFixture.StartAsync(_dataDirectory, dispatch: true, silos: 1);
        try
        {
            var (root, a, _, _) = await TestPlans.DepartmentTreeAsync(cluster.Client);
            await cluster.Client.GetGrain<IBodyGrain>(root).PublishPlanAsync(TestPlans.ThreeItems(2022));
            await cluster.Client.GetGrain<IBodyDiagnosticsGrain>(root).WaitForDeliveryAsync(2022);
            await ProgressProbe.CountsAsync(cluster.Client, a);

            // A real failure: the journal's table is gone when the batch commits.
            var database = Path.Combine(_dataDirectory, "govopenness.db");
            Execute(database, "DROP TABLE ProgressJournal;");
            var failed = await ProgressProbe.PostAsync(cluster.Client, a, new ProgressUpdate(2022, "2.1", ProgressStep.Acknowledged));
            Assert.False(failed.Succeeded);
            Assert.Equal(FailureKind.Unavailable, failed.Failure);
            Assert.Contains("进度未能保存", failed.Error);
            Assert.Equal(0, ProgressProbe.Figure(await ProgressProbe.CountsAsync(cluster.Client, a), "itemsAcknowledged"));

            // Once the table is back, the same update is applied (it was not half-applied before).
            Storage.DatabaseSchema.ApplySqlite(database);
            // The record this activation had read vanished with the table, so its first write is refused
            // as stale (a retriable 503) and it leaves; the retry reaches a fresh activation.
            var retried = await ProgressProbe.PostAsync(cluster.Client, a, new ProgressUpdate(2022, "2.1", ProgressStep.Acknowledged));
            if (!retried.Succeeded)
            {
                Assert.Equal(FailureKind.Unavailable, retried.Failure);
                retried = await ProgressProbe.PostAsync(cluster.Client, a, new ProgressUpdate(2022, "2.1", ProgressStep.Acknowledged));
            }

            Assert.True(retried.Succeeded, retried.Error);
            Assert.Equal(1, ProgressProbe.Figure(await ProgressProbe.CountsAsync(cluster.Client, a), "itemsAcknowledged"));
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task ANewDayTurnsALightRedWithoutAnUpdate()
    {
        // 2022-11-29 10:00 in Beijing: item 1.2 (due 09-30) is overdue, 1.1 (due 11-30) only due soon.
        var clock = new FakeTimeProvider(new DateTimeOffset(2022, 11, 29, 2, 0, 0, TimeSpan.Zero));
        var cluster = await ClusterFixture.StartAsync(_dataDirectory, dispatch: true, silos: 1, clock: clock);
        try
        {
            // A leaf ("b"): its summary is its own figures only.
            var (root, _, leaf, _) = await TestPlans.DepartmentTreeAsync(cluster.Client);
            await cluster.Client.GetGrain<IBodyGrain>(root).PublishPlanAsync(TestPlans.ThreeItems(2022));
            await cluster.Client.GetGrain<IBodyDiagnosticsGrain>(root).WaitForDeliveryAsync(2022);
            var before = await ProgressProbe.CountsAsync(cluster.Client, leaf);
            Assert.Equal(1, ProgressProbe.Figure(before, "itemsOverdue"));

            clock.Advance(TimeSpan.FromDays(2));
            var overdue = await WaitForAsync(cluster, leaf, counts => ProgressProbe.Figure(counts, "itemsOverdue") == 2);
            Assert.True(overdue.Met, "the day changed but no light turned red: " + overdue.Last);
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task PlanMilestonesRollUpWithTheirLateness()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2022, 3, 1, 2, 0, 0, TimeSpan.Zero));
        var cluster = await ClusterFixture.StartAsync(_dataDirectory, dispatch: true, silos: 1, clock: clock);
        try
        {
            var (root, a, _, a1) = await TestPlans.DepartmentTreeAsync(cluster.Client);
            await cluster.Client.GetGrain<IBodyGrain>(root).PublishPlanAsync(TestPlans.ThreeItems(2022));
            await cluster.Client.GetGrain<IBodyDiagnosticsGrain>(root).WaitForDeliveryAsync(2022);

            // Five days after the root issued it, "a" localizes (adopting as is) and so issues its own plan.
            clock.Advance(TimeSpan.FromDays(5));
            var localized = await cluster.Client.GetGrain<IBodyGrain>(a).LocalizeAsync(new LocalizeCommand(2022, []));
            Assert.True(localized.Succeeded, localized.Error);

            var settled = await WaitForAsync(cluster, root, counts =>
                ProgressProbe.Figure(counts, "bodiesReceived") == 3
                && ProgressProbe.Figure(counts, "bodiesLocalized") == 1
                && ProgressProbe.Figure(counts, "bodiesPublished") == 2
                && ProgressProbe.Figure(counts, "publishDelayDaysSum") == 5);
            Assert.True(settled.Met, "the root's summary never counted the milestones: " + settled.Last);
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task ALocalizationThatTightensADeadlineMovesTheBodysOwnTarget()
    {
        // 2022-10-10: the root's 1.2 (9月底) is already overdue, its 1.1 (11月底) is not yet due.
        var clock = new FakeTimeProvider(new DateTimeOffset(2022, 10, 10, 2, 0, 0, TimeSpan.Zero));
        var cluster = await ClusterFixture.StartAsync(_dataDirectory, dispatch: true, silos: 1, clock: clock);
        try
        {
            var (root, a, _, _) = await TestPlans.DepartmentTreeAsync(cluster.Client);
            await cluster.Client.GetGrain<IBodyGrain>(root).PublishPlanAsync(TestPlans.ThreeItems(2022));
            await cluster.Client.GetGrain<IBodyDiagnosticsGrain>(root).WaitForDeliveryAsync(2022);
            var received = await WaitForItemAsync(cluster, a, "1.1", item => item.GetProperty("deadline").GetString() == "2022-11-30");
            Assert.True(received.Met, "the received plan's deadline never reached the progress grain: " + received.Last);

            // "a" moves 1.1 from 11月底 to 7月底 (like 孝义市 did): already overdue on this day.
            var change = new ItemChange("1.1", new DeadlineData("7月底前", DeadlineKind.By, new DateOnly(2022, 7, 31)), false);
            var localized = await cluster.Client.GetGrain<IBodyGrain>(a).LocalizeAsync(new LocalizeCommand(2022, [change]));
            Assert.True(localized.Succeeded, localized.Error);

            var moved = await WaitForItemAsync(cluster, a, "1.1", item =>
                item.GetProperty("deadline").GetString() == "2022-07-31" && item.GetProperty("light").GetString() == "red");
            Assert.True(moved.Met, "the progress grain kept the parent's deadline after the localization: " + moved.Last);
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    /// <summary>Waits for the cluster to settle, then reads the body's own item table once.</summary>
    private static async Task<(bool Met, string Last)> WaitForItemAsync(TestCluster cluster, string bodyId, string itemId, Func<System.Text.Json.JsonElement, bool> condition)
    {
        await Settled.WaitAsync(cluster);
        var table = await ProgressProbe.Grain(cluster.Client, bodyId).GetItemsAsync();
        Assert.True(table.Succeeded, table.Error);
        var last = GovOpenness.Domain.Localization.LocalizationJson.Serialize(table.Value!);
        var met = System.Text.Json.JsonDocument.Parse(last).RootElement.GetProperty("items").EnumerateArray()
            .Any(item => item.GetProperty("itemId").GetString() == itemId && condition(item));
        return (met, last);
    }

    /// <summary>
    /// Has the body look at the clock now (a flush re-derives its figures on a new day, rather than
    /// waiting for the periodic day check), waits for the cluster to settle, then reads its counts once.
    /// </summary>
    private static async Task<(bool Met, string Last)> WaitForAsync(TestCluster cluster, string bodyId, Func<System.Text.Json.JsonElement, bool> condition)
    {
        await ProgressProbe.Grain(cluster.Client, bodyId).FlushAsync();
        await Settled.WaitAsync(cluster);
        var counts = await ProgressProbe.CountsAsync(cluster.Client, bodyId);
        return (condition(counts), counts.GetRawText());
    }

    private static void Execute(string database, string sql)
    {
        using var connection = new SqliteConnection(Storage.DatabaseSchema.SqliteConnectionString(database));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
