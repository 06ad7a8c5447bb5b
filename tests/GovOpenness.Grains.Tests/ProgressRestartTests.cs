using GovOpenness.Abstractions;
using GovOpenness.Domain.Progress;

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
}
