using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Plans;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class IdempotencyTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task RepeatedPublicationKeepsTheVersion()
    {
        var (root, _, _, _) = await TestPlans.DepartmentTreeAsync(_grains);
        var publisher = _grains.GetGrain<IBodyGrain>(root);

        var first = (await publisher.PublishPlanAsync(TestPlans.ThreeItems(2022))).Value!;
        var again = (await publisher.PublishPlanAsync(TestPlans.ThreeItems(2022))).Value!;
        var revised = (await publisher.PublishPlanAsync(TestPlans.ThreeItems(2022, textOfFirst: "改"))).Value!;

        Assert.Equal(first.Stamp, again.Stamp);
        Assert.NotEqual(first.Stamp, revised.Stamp);
    }

    [Fact]
    public async Task RepeatedLocalizationKeepsTheRevision()
    {
        var (root, a, _, _) = await TestPlans.DepartmentTreeAsync(_grains);
        await _grains.GetGrain<IBodyGrain>(root).PublishPlanAsync(TestPlans.ThreeItems(2022));
        var command = new LocalizeCommand(2022, [new ItemChange("1.1", new DeadlineData("7月底前", DeadlineKind.By, new DateOnly(2022, 7, 31)))]);

        var first = (await _grains.GetGrain<IBodyGrain>(a).LocalizeAsync(command)).Value!;
        var again = (await _grains.GetGrain<IBodyGrain>(a).LocalizeAsync(command)).Value!;

        Assert.Equal(first.Plan.Stamp, again.Plan.Stamp);
    }
}
