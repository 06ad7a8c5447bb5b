using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Plans;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class RevisionTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task RevisionKeepsChildChangesAndFlagsTheOnesThatNowConflict()
    {
        var (root, a, _, a1) = await TestPlans.DepartmentTreeAsync(_grains);
        var publisher = _grains.GetGrain<IBodyGrain>(root);
        await publisher.PublishPlanAsync(TestPlans.ThreeItems(2022));
        await _grains.GetGrain<IBodyGrain>(a).LocalizeAsync(new LocalizeCommand(2022,
        [
            new ItemChange("1.1", Text: "本局公开重大建设项目信息"),
            new ItemChange("1.2", new DeadlineData("7月底前", DeadlineKind.By, new DateOnly(2022, 7, 31))),
        ]));

        var v2 = (await publisher.PublishPlanAsync(TestPlans.ThreeItems(2022, textOfFirst: "全面公开重大建设项目信息"))).Value!;
        await publisher.AsReference<IBodyDiagnosticsGrain>().WaitForDeliveryAsync(2022);

        var plan = await TestPlans.PlanAsync(_grains, a, 2022);
        Assert.Equal("本局公开重大建设项目信息", plan.Items.Single(i => i.Item.Id == "1.1").Item.Text);
        Assert.Equal(new DateOnly(2022, 7, 31), TestPlans.Due(plan, "1.2"));
        var conflict = Assert.Single(plan.Conflicts);
        Assert.Equal(("1.1", "text"), (conflict.ItemId, conflict.Field));
        Assert.Equal([v2.Stamp], await _grains.GetGrain<IBodyDiagnosticsGrain>(a).GetRebaseHistoryAsync(2022));
        Assert.StartsWith(v2.Stamp, (await TestPlans.PlanAsync(_grains, a1, 2022)).Stamp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParentDeadlineTightenedPastTheChildsWinsAndIsFlagged()
    {
        var (root, a, _, _) = await TestPlans.DepartmentTreeAsync(_grains);
        var publisher = _grains.GetGrain<IBodyGrain>(root);
        await publisher.PublishPlanAsync(TestPlans.ThreeItems(2022));
        await _grains.GetGrain<IBodyGrain>(a).LocalizeAsync(new LocalizeCommand(2022,
            [new ItemChange("1.1", new DeadlineData("10月底前", DeadlineKind.By, new DateOnly(2022, 10, 31)))]));

        var revised = TestPlans.ThreeItems(2022);
        revised = revised with { Items = [TestPlans.Item("1.1", "公开重大建设项目批准和实施信息", new DateOnly(2022, 6, 30), "发展改革委"), .. revised.Items.Skip(1)] };
        await publisher.PublishPlanAsync(revised);
        await publisher.AsReference<IBodyDiagnosticsGrain>().WaitForDeliveryAsync(2022);

        var plan = await TestPlans.PlanAsync(_grains, a, 2022);
        Assert.Equal(new DateOnly(2022, 6, 30), TestPlans.Due(plan, "1.1"));
        Assert.Contains(plan.Conflicts, c => c is { ItemId: "1.1", Field: "deadline" });
    }

    [Fact]
    public async Task ChildChangesFollowItemsTheParentRenumberedAndDeadlinesItRestructured()
    {
        var (root, a, _, _) = await TestPlans.DepartmentTreeAsync(_grains);
        var publisher = _grains.GetGrain<IBodyGrain>(root);
        var v1 = TestPlans.ThreeItems(2022);
        await publisher.PublishPlanAsync(v1);
        await _grains.GetGrain<IBodyGrain>(a).LocalizeAsync(new LocalizeCommand(2022,
        [
            new ItemChange("1.1", Text: "本局公开重大建设项目信息"),
            new ItemChange("1.2", new DeadlineData("8月底前", DeadlineKind.By, new DateOnly(2022, 8, 31)), DeadlineIndex: 0),
        ]));

        // The revision inserts a new 1.1 (the old 1.1 and 1.2 become 1.2 and 1.3) and puts a 6月底前 before
        // the old 1.2's 9月底前.
        var old12 = v1.Items[1];
        var revised = v1 with
        {
            Items =
            [
                TestPlans.Item("1.1", "公开权威发布信息", new DateOnly(2022, 10, 31), "办公厅"),
                v1.Items[0] with { Id = "1.2" },
                old12 with { Id = "1.3", Deadlines = [new DeadlineData("6月底前", DeadlineKind.By, new DateOnly(2022, 6, 30)), .. old12.Deadlines] },
                v1.Items[2],
            ],
        };
        await publisher.PublishPlanAsync(revised);
        await publisher.AsReference<IBodyDiagnosticsGrain>().WaitForDeliveryAsync(2022);

        var plan = await TestPlans.PlanAsync(_grains, a, 2022);
        Assert.Equal("公开权威发布信息", plan.Items.Single(i => i.Item.Id == "1.1").Item.Text);
        Assert.Equal("本局公开重大建设项目信息", plan.Items.Single(i => i.Item.Id == "1.2").Item.Text);
        Assert.Equal([new DateOnly(2022, 6, 30), new DateOnly(2022, 8, 31)], plan.Items.Single(i => i.Item.Id == "1.3").Item.Deadlines.Select(d => d.Date));
        Assert.DoesNotContain(plan.Conflicts, c => c.Field is "deadline" or "text");
    }
}
