using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Diagnostics;
using GovOpenness.Domain.Progress;
using GovOpenness.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace GovOpenness.Grains.Tests;

/// <summary>Progress and the roll-up above it come back after the whole cluster restarts.</summary>
public sealed class ProgressRestartTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "govopenness-progress-restart-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    [Fact]
    public async Task RecordedProgressSurvivesARestartAndRollsUpAgain()
    {
        var (root, a1) = await OnOneSiloAsync(async first =>
        {
            var (root, a, a1) = await PublishedTreeAsync(first.Client);
            var posted = await ProgressProbe.PostAsync(first.Client, a1, new ProgressUpdate(2022, "2.1", ProgressStep.Acknowledged));
            Assert.True(posted.Succeeded, posted.Error);
            await ProgressProbe.FlushAsync(first.Client, a1, a);
            return (root, a1);
        });

        await OnOneSiloAsync(async second =>
        {
            Assert.Equal(1, ProgressProbe.Figure(await ProgressProbe.CountsAsync(second.Client, root), "itemsAcknowledged"));

            // The item remembers its step: acknowledging again changes nothing, moving on is allowed.
            var next = await ProgressProbe.PostAsync(second.Client, a1, new ProgressUpdate(2022, "2.1", ProgressStep.InProgress, Percent: 40));
            Assert.True(next.Succeeded, next.Error);
            return true;
        });
    }

    /// <summary>
    /// A lone silo stopping gracefully sends no last flush (<see cref="SiloShutdown"/>: its parent could be
    /// placed nowhere). A step acknowledged but still owed upward at that moment must count at the root
    /// after the restart, rebuilt from the journal. The grain timers run on a clock only the test could move
    /// (it never does), so the step's flush is still a minute away when the silo stops.
    /// </summary>
    [Fact]
    public async Task A_step_still_owed_upward_when_a_lone_silo_stops_gracefully_counts_at_the_root_after_the_restart()
    {
        var grainClock = new FakeTimeProvider(new DateTimeOffset(2022, 10, 14, 2, 0, 0, TimeSpan.Zero));
        var root = await OnOneSiloAsync(
            async first =>
            {
                var (root, a, a1) = await PublishedTreeAsync(first.Client);
                var tracker = first.Silos.OfType<InProcessSiloHandle>().Single().SiloHost.Services.GetRequiredService<SettleTracker>();

                // The receipts' first flushes (due at once) end first, so the step below waits its whole interval.
                await tracker.WaitIdleAsync(PendingWork.MilestoneNote).WaitAsync(TimeSpan.FromSeconds(30));
                await ProgressProbe.FlushAsync(first.Client, a1, a);
                var posted = await ProgressProbe.PostAsync(first.Client, a1, new ProgressUpdate(2022, "2.1", ProgressStep.Acknowledged));
                Assert.True(posted.Succeeded, posted.Error);
                Assert.True(tracker.IsPending(PendingWork.Flush, IProgressGrain.Key(a1, 2022)));
                Assert.Equal(0, ProgressProbe.Figure(await ProgressProbe.CountsAsync(first.Client, root), "itemsAcknowledged"));
                return root;
            },
            grainClock,
            timerInterval: TimeSpan.FromMinutes(1));

        await OnOneSiloAsync(async second =>
        {
            Assert.Equal(1, ProgressProbe.Figure(await ProgressProbe.CountsAsync(second.Client, root), "itemsAcknowledged"));
            return true;
        });
    }

    /// <summary>A department tree under 北京市 with a three-item plan published at its root and delivered.</summary>
    private static async Task<(string Root, string A, string A1)> PublishedTreeAsync(IGrainFactory grains)
    {
        var (root, a, _, a1) = await TestPlans.DepartmentTreeAsync(grains);
        await grains.GetGrain<IBodyGrain>(root).PublishPlanAsync(TestPlans.ThreeItems(2022));
        await grains.GetGrain<IBodyDiagnosticsGrain>(root).WaitForDeliveryAsync(2022);
        return (root, a, a1);
    }

    /// <summary>One silo on this test's data folder, used and then stopped gracefully, whatever the use throws.</summary>
    private async Task<T> OnOneSiloAsync<T>(Func<TestCluster, Task<T>> use, FakeTimeProvider? grainClock = null, TimeSpan? timerInterval = null)
    {
        var cluster = await ClusterFixture.StartAsync(_dataDirectory, dispatch: true, silos: 1, grainClock: grainClock, timerInterval: timerInterval);
        try
        {
            return await use(cluster);
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }
}
