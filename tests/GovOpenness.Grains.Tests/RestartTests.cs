using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Plans;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Grains.Tests;

/// <summary>Whole-cluster restarts on one SQLite file; each test runs its own clusters.</summary>
public sealed class RestartTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "govopenness-restart-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    [Fact]
    public async Task OutboxLeftOpenByAStoppedClusterIsDeliveredExactlyOnceAfterRestart()
    {
        string root, a, b, a1, v2;
        var first = await ClusterFixture.StartAsync(_dataDirectory, dispatch: false, silos: 1);
        try
        {
            (root, a, b, a1) = await TestPlans.DepartmentTreeAsync(first.Client);
            var publisher = first.Client.GetGrain<IBodyGrain>(root);
            await publisher.PublishPlanAsync(TestPlans.ThreeItems(2022));
            var localized = await first.Client.GetGrain<IBodyGrain>(a).LocalizeAsync(new LocalizeCommand(2022,
                [new ItemChange("1.1", new DeadlineData("7月底前", DeadlineKind.By, new DateOnly(2022, 7, 31)))]));
            Assert.True(localized.Succeeded, localized.Error);

            // Published, but nothing dispatched: the revision sits in the outbox when the cluster stops.
            v2 = (await publisher.PublishPlanAsync(TestPlans.ThreeItems(2022, textOfFirst: "第二版"))).Value!.Stamp;
            Assert.False((await publisher.AsReference<IBodyDiagnosticsGrain>().GetDeliveryStatusAsync(2022))!.Complete);
        }
        finally
        {
            await first.StopAllSilosAsync();
            await first.DisposeAsync();
        }

        var second = await ClusterFixture.StartAsync(_dataDirectory, dispatch: true, silos: 1);
        try
        {
            var status = await second.Client.GetGrain<IBodyDiagnosticsGrain>(root).WaitForDeliveryAsync(2022);
            Assert.NotNull(status);
            await second.Client.GetGrain<IOutboxRegistryGrain>(IOutboxRegistryGrain.Key).ResumeAllAsync();

            Assert.True(status!.Complete);
            Assert.Equal([v2], await second.Client.GetGrain<IBodyDiagnosticsGrain>(a).GetRebaseHistoryAsync(2022));
            var atA1 = await TestPlans.PlanAsync(second.Client, a1, 2022);
            Assert.Equal("第二版", atA1.Items[0].Item.Text);
            Assert.Equal(new DateOnly(2022, 7, 31), TestPlans.Due(atA1, "1.1"));
            Assert.Equal("第二版", (await TestPlans.PlanAsync(second.Client, b, 2022)).Items[0].Item.Text);
        }
        finally
        {
            await second.StopAllSilosAsync();
            await second.DisposeAsync();
        }
    }
}
