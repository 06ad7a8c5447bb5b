using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Plans;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class LocalizationTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    private static ItemChange Tighten(string itemId, DateOnly to, bool approved = false) =>
        new(itemId, new DeadlineData($"{to.Month}月底前", DeadlineKind.By, to), approved);

    [Fact]
    public async Task EachDeadlineOfAnItemIsTightenedByItsIndexKeepingItsKind()
    {
        var (root, a, _, a1) = await TestPlans.DepartmentTreeAsync(_grains);
        var plan = TestPlans.ThreeItems(2022);
        var twoDeadlines = plan.Items[0] with
        {
            Deadlines = [new DeadlineData("9月底前", DeadlineKind.By, new DateOnly(2022, 9, 30)), new DeadlineData("从10月起", DeadlineKind.From, new DateOnly(2022, 10, 1))],
        };
        await _grains.GetGrain<IBodyGrain>(root).PublishPlanAsync(plan with { Items = [twoDeadlines, .. plan.Items.Skip(1)] });

        var localized = await _grains.GetGrain<IBodyGrain>(a).LocalizeAsync(new LocalizeCommand(2022,
        [
            new ItemChange("1.1", new DeadlineData("7月底前", DeadlineKind.By, new DateOnly(2022, 7, 31)), DeadlineIndex: 0),
            new ItemChange("1.1", new DeadlineData("从8月起", DeadlineKind.From, new DateOnly(2022, 8, 1)), DeadlineIndex: 1),
            new ItemChange("1.2", Heading: "本局行政执法公开"),
        ]));
        Assert.True(localized.Succeeded, localized.Error);
        await _grains.GetGrain<IBodyDiagnosticsGrain>(a).WaitForDeliveryAsync(2022);

        var atA1 = await TestPlans.PlanAsync(_grains, a1, 2022);
        var deadlines = atA1.Items.Single(i => i.Item.Id == "1.1").Item.Deadlines;
        Assert.Equal([(DeadlineKind.By, new DateOnly(2022, 7, 31)), (DeadlineKind.From, new DateOnly(2022, 8, 1))],
            deadlines.Select(d => (d.Kind, d.Date!.Value)));
        Assert.Equal("本局行政执法公开", atA1.Items.Single(i => i.Item.Id == "1.2").Item.Heading);
        var diff = (await _grains.GetGrain<IBodyGrain>(a).GetDiffAsync(2022)).Value!;
        Assert.Contains(diff.Entries, e => (e.ItemId, e.Field, e.From, e.To) == ("1.1", "deadline", "2022-10-01", "2022-08-01"));
        Assert.Contains(diff.Entries, e => (e.ItemId, e.Field) == ("1.2", "heading"));
    }

    [Fact]
    public async Task TightenedDeadlineShowsInTheDiffAndReachesTheSubtree()
    {
        var (root, a, _, a1) = await TestPlans.DepartmentTreeAsync(_grains);
        await _grains.GetGrain<IBodyGrain>(root).PublishPlanAsync(TestPlans.ThreeItems(2022));

        var localized = await _grains.GetGrain<IBodyGrain>(a).LocalizeAsync(new LocalizeCommand(2022, [Tighten("1.1", new DateOnly(2022, 7, 31))]));
        Assert.True(localized.Succeeded, localized.Error);
        await _grains.GetGrain<IBodyDiagnosticsGrain>(a).WaitForDeliveryAsync(2022);

        var diff = (await _grains.GetGrain<IBodyGrain>(a).GetDiffAsync(2022)).Value!;
        var entry = Assert.Single(diff.Entries);
        Assert.Equal(("1.1", "deadline", "2022-11-30", "2022-07-31"), (entry.ItemId, entry.Field, entry.From, entry.To));
        Assert.Equal(new DateOnly(2022, 7, 31), TestPlans.Due(await TestPlans.PlanAsync(_grains, a1, 2022), "1.1"));
        Assert.Empty((await _grains.GetGrain<IBodyGrain>(a1).GetDiffAsync(2022)).Value!.Entries);
    }

    [Fact]
    public async Task LaterDeadlineIsRejectedUnlessMarkedAsApprovedException()
    {
        var (root, a, _, _) = await TestPlans.DepartmentTreeAsync(_grains);
        await _grains.GetGrain<IBodyGrain>(root).PublishPlanAsync(TestPlans.ThreeItems(2022));
        var body = _grains.GetGrain<IBodyGrain>(a);

        var rejected = await body.LocalizeAsync(new LocalizeCommand(2022, [Tighten("1.1", new DateOnly(2022, 12, 31))]));
        var approved = await body.LocalizeAsync(new LocalizeCommand(2022, [Tighten("1.1", new DateOnly(2022, 12, 31), approved: true)]));

        Assert.Equal(FailureKind.Invalid, rejected.Failure);
        Assert.Contains("晚于上级期限2022-11-30", rejected.Error);
        Assert.True(approved.Succeeded, approved.Error);
        Assert.Equal(new DateOnly(2022, 12, 31), TestPlans.Due(approved.Value!.Plan, "1.1"));
    }

    [Fact]
    public async Task PassedDeadlineIsAWarningNotAnError()
    {
        var (root, a, _, _) = await TestPlans.DepartmentTreeAsync(_grains);
        await _grains.GetGrain<IBodyGrain>(root).PublishPlanAsync(TestPlans.ThreeItems(2022));

        var result = await _grains.GetGrain<IBodyGrain>(a).LocalizeAsync(
            new LocalizeCommand(2022, [Tighten("1.2", new DateOnly(2022, 6, 30))], Today: new DateOnly(2022, 8, 1)));

        Assert.True(result.Succeeded, result.Error);
        Assert.Contains(result.Value!.Warnings, w => w.Contains("已过", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DroppedAndAddedItemsAppearInThePlanAndTheDiff()
    {
        var (root, a, _, _) = await TestPlans.DepartmentTreeAsync(_grains);
        await _grains.GetGrain<IBodyGrain>(root).PublishPlanAsync(TestPlans.ThreeItems(2022));
        var own = TestPlans.Item("a-1", "建设本局政务公开专栏", new DateOnly(2022, 10, 31), "办公室");

        var result = await _grains.GetGrain<IBodyGrain>(a).LocalizeAsync(new LocalizeCommand(2022,
            [new ItemChange("2.1", DropReason: "本级不承担该项工作"), new ItemChange("a-1", Added: own), new ItemChange("1.2", Units: ["法规处"])]));

        Assert.True(result.Succeeded, result.Error);
        var plan = result.Value!.Plan;
        Assert.Equal(["1.1", "1.2", "a-1"], plan.Items.Select(i => i.Item.Id));
        Assert.Equal(a, plan.Items.Single(i => i.Item.Id == "a-1").OriginBodyId);
        Assert.Equal(["法规处"], plan.Items.Single(i => i.Item.Id == "1.2").Item.Units);
        var diff = (await _grains.GetGrain<IBodyGrain>(a).GetDiffAsync(2022)).Value!;
        Assert.Equal(["added", "dropped", "units"], diff.Entries.Select(e => e.Field).Order());
        Assert.Contains(diff.Entries, e => e is { Field: "dropped", ItemId: "2.1", Reason: "本级不承担该项工作" });
    }

    [Fact]
    public async Task ChangeToAnItemTheParentDoesNotHaveIsRejected()
    {
        var (root, a, _, _) = await TestPlans.DepartmentTreeAsync(_grains);
        await _grains.GetGrain<IBodyGrain>(root).PublishPlanAsync(TestPlans.ThreeItems(2022));

        var result = await _grains.GetGrain<IBodyGrain>(a).LocalizeAsync(new LocalizeCommand(2022, [new ItemChange("9.9", Text: "不存在")]));

        Assert.Equal(FailureKind.Invalid, result.Failure);
        Assert.Contains("9.9", result.Error);
    }
}
