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
        string root, a1;
        var first = await ClusterFixture.StartAsync(_dataDirectory, dispatch: true, silos: 1);
        try
        {
            string a;
            (root, a, _, a1) = await TestPlans.DepartmentTreeAsync(first.Client);
            await first.Client.GetGrain<IBodyGrain>(root).PublishPlanAsync(TestPlans.ThreeItems(2022));
            await first.Client.GetGrain<IBodyDiagnosticsGrain>(root).WaitForDeliveryAsync(2022);
            var posted = await ProgressProbe.PostAsync(first.Client, a1, new ProgressUpdate(2022, "2.1", ProgressStep.Acknowledged));
            Assert.True(posted.Succeeded, posted.Error);
            await ProgressProbe.FlushAsync(first.Client, a1, a);
        }
        finally
        {
            await first.StopAllSilosAsync();
            await first.DisposeAsync();
        }

        var second = await ClusterFixture.StartAsync(_dataDirectory, dispatch: true, silos: 1);
        try
        {
            Assert.Equal(1, ProgressProbe.Figure(await ProgressProbe.CountsAsync(second.Client, root), "itemsAcknowledged"));

            // The item remembers its step: acknowledging again changes nothing, moving on is allowed.
            var next = await ProgressProbe.PostAsync(second.Client, a1, new ProgressUpdate(2022, "2.1", ProgressStep.InProgress, Percent: 40));
            Assert.True(next.Succeeded, next.Error);
        }
        finally
        {
            await second.StopAllSilosAsync();
            await second.DisposeAsync();
        }
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
        string root;
        var grainClock = new FakeTimeProvider(new DateTimeOffset(2022, 10, 14, 2, 0, 0, TimeSpan.Zero));
        var first = await ClusterFixture.StartAsync(_dataDirectory, dispatch: true, silos: 1, grainClock: grainClock, timerInterval: TimeSpan.FromMinutes(1));
        try
        {
            string a, a1;
            (root, a, _, a1) = await TestPlans.DepartmentTreeAsync(first.Client);
            await first.Client.GetGrain<IBodyGrain>(root).PublishPlanAsync(TestPlans.ThreeItems(2022));
            await first.Client.GetGrain<IBodyDiagnosticsGrain>(root).WaitForDeliveryAsync(2022);
            var tracker = first.Silos.OfType<InProcessSiloHandle>().Single().SiloHost.Services.GetRequiredService<SettleTracker>();

            // The receipts' first flushes (due at once) end first, so the step below waits its whole interval.
            await tracker.WaitIdleAsync(PendingWork.MilestoneNote).WaitAsync(TimeSpan.FromSeconds(30));
            await ProgressProbe.FlushAsync(first.Client, a1, a);
            var posted = await ProgressProbe.PostAsync(first.Client, a1, new ProgressUpdate(2022, "2.1", ProgressStep.Acknowledged));
            Assert.True(posted.Succeeded, posted.Error);
            Assert.True(tracker.IsPending(PendingWork.Flush, IProgressGrain.Key(a1, 2022)));
            Assert.Equal(0, ProgressProbe.Figure(await ProgressProbe.CountsAsync(first.Client, root), "itemsAcknowledged"));
        }
        finally
        {
            await first.StopAllSilosAsync();
            await first.DisposeAsync();
        }

        var second = await ClusterFixture.StartAsync(_dataDirectory, dispatch: true, silos: 1);
        try
        {
            Assert.Equal(1, ProgressProbe.Figure(await ProgressProbe.CountsAsync(second.Client, root), "itemsAcknowledged"));
        }
        finally
        {
            await second.StopAllSilosAsync();
            await second.DisposeAsync();
        }
    }
}
