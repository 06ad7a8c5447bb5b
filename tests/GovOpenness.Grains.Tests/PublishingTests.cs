using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Plans;
using GovOpenness.Domain.Calendar;

namespace GovOpenness.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class PublishingTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task PublishedPlanReachesEveryDescendant()
    {
        var (root, a, b, a1) = await TestPlans.DepartmentTreeAsync(_grains);
        var published = await _grains.GetGrain<IBodyGrain>(root).PublishPlanAsync(TestPlans.ThreeItems(2022));
        Assert.True(published.Succeeded, published.Error);

        var status = await _grains.GetGrain<IBodyDiagnosticsGrain>(root).WaitForDeliveryAsync(2022);

        Assert.True(status!.Complete);
        foreach (var id in new[] { a, b, a1 })
        {
            var plan = await TestPlans.PlanAsync(_grains, id, 2022);
            Assert.Equal(root, plan.OriginBodyId);
            Assert.StartsWith(published.Value!.Stamp, plan.Stamp, StringComparison.Ordinal);
            Assert.Equal(["1.1", "1.2", "2.1"], plan.Items.Select(i => i.Item.Id));
        }
    }

    [Fact]
    public async Task PolicyMovesDeadlinesBeforeTheParentsAtEveryLevel()
    {
        var (root, a, _, a1) = await TestPlans.DepartmentTreeAsync(_grains);
        var policy = new LocalizationPolicyData(DeadlineWorkingDaysBefore: 5);
        await _grains.GetGrain<IBodyGrain>(root).PublishPlanAsync(TestPlans.ThreeItems(2022, policy));
        await _grains.GetGrain<IBodyDiagnosticsGrain>(root).WaitForDeliveryAsync(2022);

        var calendar = WorkingDayCalendar.China;
        var atA = calendar.SubtractWorkingDays(new DateOnly(2022, 11, 30), 5);
        Assert.Equal(atA, TestPlans.Due(await TestPlans.PlanAsync(_grains, a, 2022), "1.1"));
        Assert.Equal(calendar.SubtractWorkingDays(atA, 5), TestPlans.Due(await TestPlans.PlanAsync(_grains, a1, 2022), "1.1"));
        var diff = (await _grains.GetGrain<IBodyGrain>(a1).GetDiffAsync(2022)).Value!;
        var moved = Assert.Single(diff.Entries, e => e is { ItemId: "1.1", Field: "deadline" });
        Assert.True(moved.ByPolicy);
        Assert.Equal(atA.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), moved.From);
    }

    [Fact]
    public async Task PlanWithoutItemsIsRejectedInChinese()
    {
        var (root, _, _, _) = await TestPlans.DepartmentTreeAsync(_grains);

        var result = await _grains.GetGrain<IBodyGrain>(root).PublishPlanAsync(new PublishPlanCommand(2022, "空计划", null, []));

        Assert.Equal(FailureKind.Invalid, result.Failure);
        Assert.Contains("没有任何事项", result.Error);
    }

    [Fact]
    public async Task BodyWithoutAnyPublishedPlanSaysSo()
    {
        var (_, a, _, _) = await TestPlans.DepartmentTreeAsync(_grains);

        var result = await _grains.GetGrain<IBodyGrain>(a).GetPlanAsync(2023);

        Assert.Equal(FailureKind.NotFound, result.Failure);
        Assert.Contains("2023", result.Error);
    }
}
