using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Plans;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class DurableDeliveryTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task DeactivatedChildrenStillReceiveTheRevisionExactlyOnce()
    {
        var (root, a, b, a1) = await TestPlans.DepartmentTreeAsync(_grains);
        var publisher = _grains.GetGrain<IBodyGrain>(root);
        await publisher.PublishPlanAsync(TestPlans.ThreeItems(2022));
        await _grains.GetGrain<IBodyGrain>(a1).LocalizeAsync(new LocalizeCommand(2022,
            [new ItemChange("1.2", new DeadlineData("8月底前", DeadlineKind.By, new DateOnly(2022, 8, 31)))]));
        await publisher.AsReference<IBodyDiagnosticsGrain>().WaitForDeliveryAsync(2022);

        await _grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var v2 = (await publisher.PublishPlanAsync(TestPlans.ThreeItems(2022, textOfFirst: "修订后的第一项"))).Value!;
        var status = await publisher.AsReference<IBodyDiagnosticsGrain>().WaitForDeliveryAsync(2022);

        Assert.True(status!.Complete);
        Assert.Equal([v2.Stamp + ">0"], await _grains.GetGrain<IBodyDiagnosticsGrain>(a1).GetRebaseHistoryAsync(2022));
        foreach (var id in new[] { a, b, a1 })
        {
            Assert.Equal("修订后的第一项", (await TestPlans.PlanAsync(_grains, id, 2022)).Items[0].Item.Text);
        }
    }

    [Fact]
    public async Task SiloLostMidCascadeStillDeliversToTheWholeCounty()
    {
        const string county = "141181";
        const int year = 2091;
        var townships = (await _grains.GetGrain<IBodyGrain>(county).GetViewAsync(0, 500)).Value!.Children.Select(c => c.Id).ToList();
        var publisher = _grains.GetGrain<IBodyGrain>(county);
        await publisher.PublishPlanAsync(TestPlans.ThreeItems(year));
        await _grains.GetGrain<IBodyGrain>(townships[0]).LocalizeAsync(new LocalizeCommand(year,
            [new ItemChange("1.2", new DeadlineData("8月底前", DeadlineKind.By, new DateOnly(year, 8, 31)))]));
        await publisher.AsReference<IBodyDiagnosticsGrain>().WaitForDeliveryAsync(year);

        var v2 = (await publisher.PublishPlanAsync(TestPlans.ThreeItems(year, textOfFirst: "第二版"))).Value!;
        var secondary = fixture.Cluster.Silos.First(s => s != fixture.Cluster.Primary);
        await fixture.Cluster.KillSiloAsync(secondary);
        await fixture.Cluster.StartAdditionalSiloAsync();
        var status = await publisher.AsReference<IBodyDiagnosticsGrain>().WaitForDeliveryAsync(year);

        Assert.True(status!.Complete);
        Assert.Equal([v2.Stamp], await _grains.GetGrain<IBodyDiagnosticsGrain>(townships[0]).GetRebaseHistoryAsync(year));
        foreach (var township in townships)
        {
            Assert.Equal("第二版", (await TestPlans.PlanAsync(_grains, township, year)).Items[0].Item.Text);
        }
    }
}
