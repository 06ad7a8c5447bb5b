using GovOpenness.Domain.Localization;

namespace GovOpenness.Domain.Tests.Localization;

/// <summary>Rules that must hold for any plan and any changes, checked on many random cases. Each
/// case is reproducible from its seed, which failures name.</summary>
public class LocalizationPropertyTests
{
    private const int Cases = 300;

    [Fact]
    public void No_effective_deadline_is_later_than_the_parents_without_an_approved_exception()
    {
        for (var seed = 0; seed < Cases; seed++)
        {
            var random = new RandomPlans(seed);
            var parent = random.Plan();
            var plan = PlanMaterializer.Materialize(parent, random.Changes(parent), "141181");
            AssertNeverLater(parent, plan, seed);
        }
    }

    [Fact]
    public void Down_three_levels_no_deadline_is_later_than_any_ancestors()
    {
        for (var seed = 0; seed < Cases; seed++)
        {
            var random = new RandomPlans(seed);
            var province = random.Plan();
            var prefecture = PlanMaterializer.Materialize(province, random.Changes(province), "1411").ToPublishedPlan(1);
            var county = PlanMaterializer.Materialize(prefecture, random.Changes(prefecture), "141181");
            var countyPlan = county.ToPublishedPlan(1);

            foreach (var item in county.Items.Where(i => i.ParentItemId is not null))
            {
                var ancestor = province.FindItem(item.Item.Id);
                if (ancestor is not null && ancestor.EarliestDueDate is { } due && item.EffectiveDeadline is { } mine)
                {
                    Assert.True(mine <= due, $"种子{seed}：事项{item.Item.Id}期限{mine}晚于省级{due}");
                }
            }

            AssertNeverLater(prefecture, county, seed);
            Assert.Equal(county.Items.Length, countyPlan.Items.Length);
        }
    }

    [Fact]
    public void Rebasing_valid_changes_onto_the_same_version_changes_nothing()
    {
        for (var seed = 0; seed < Cases; seed++)
        {
            var random = new RandomPlans(seed);
            var parent = random.Plan();
            var child = random.ValidChanges(parent);
            Assert.True(LocalizationValidator.Default.Validate(parent, child, new DateOnly(2022, 1, 1)).IsValid, $"种子{seed}");

            var result = ThreeWayMerge.Rebase(parent, parent, child);

            Assert.True(child == result.Rebased, $"种子{seed}：合并结果与原修改不同");
            Assert.False(result.HasConflicts, $"种子{seed}：{string.Join("；", result.Conflicts.Select(c => c.Message))}");
        }
    }

    [Fact]
    public void After_a_rebase_no_deadline_is_later_than_the_new_parents_and_nothing_is_lost_silently()
    {
        for (var seed = 0; seed < Cases; seed++)
        {
            var random = new RandomPlans(seed);
            var v1 = random.Plan();
            var child = random.Changes(v1);
            var v2 = random.Revise(v1);

            var result = ThreeWayMerge.Rebase(v1, v2, child);
            var plan = PlanMaterializer.Materialize(v2, result.Rebased, "141181");

            AssertNeverLater(v2, plan, seed);
            var notCarried = result.Conflicts.Where(c => !c.CarriedOver).Select(c => c.ChildChange).ToList();
            var silentlyGone = child.Changes.Count(c => c is not Drop) - result.Rebased.Changes.Count(c => c is not Drop) - notCarried.Count;
            Assert.True(silentlyGone == 0, $"种子{seed}：有{silentlyGone}项修改既未保留也未标为冲突");
        }
    }

    [Fact]
    public void The_diff_of_an_unchanged_plan_is_empty_and_every_drop_is_listed()
    {
        for (var seed = 0; seed < Cases; seed++)
        {
            var random = new RandomPlans(seed);
            var parent = random.Plan();
            Assert.Empty(PlanComparison.Compute(parent, PlanMaterializer.Materialize(parent, PlanLocalization.AdoptAsIs(parent), "1411")));

            var plan = PlanMaterializer.Materialize(parent, random.Changes(parent), "141181");
            var diff = PlanComparison.Compute(parent, plan);
            Assert.Equal(plan.Dropped.Select(d => d.ItemId), diff.Where(d => d.Kind == ItemDiffKind.Dropped).Select(d => d.ItemId));
            Assert.Equal(plan.Items.Count(i => i.ParentItemId is null), diff.Count(d => d.Kind == ItemDiffKind.Added));
        }
    }

    [Fact]
    public void Careless_input_never_throws_and_invalid_input_is_always_reported()
    {
        for (var seed = 0; seed < Cases; seed++)
        {
            var random = new RandomPlans(seed);
            var parent = random.Plan();
            var junk = random.Junk(parent);

            var result = LocalizationValidator.Default.Validate(parent, junk, new DateOnly(2022, 6, 1));
            var plan = PlanMaterializer.Materialize(parent, junk, "141181");
            var rebased = ThreeWayMerge.Rebase(parent, random.Revise(parent), junk);
            _ = PlanComparison.Compute(parent, plan);

            AssertNeverLater(parent, plan, seed);
            if (plan.Issues.Length > 0)
            {
                Assert.False(result.IsValid, $"种子{seed}：物化时有问题（{plan.Issues[0].Message}），校验却通过了");
            }

            Assert.NotNull(rebased.Rebased);
        }
    }

    private static void AssertNeverLater(PublishedPlan parent, LocalizedPlan plan, int seed)
    {
        foreach (var item in plan.Items.Where(i => i.ParentItemId is not null))
        {
            var parentItem = parent.FindItem(item.ParentItemId!)!;
            var excepted = item.Changes.OfType<TightenDeadline>().Any(t => t.ApprovedException);
            for (var i = 0; i < parentItem.Deadlines.Count && !excepted; i++)
            {
                var mine = item.Item.Deadlines[i].Date;
                var theirs = parentItem.Deadlines[i].Date;
                Assert.True(mine is null || theirs is null || mine <= theirs, $"种子{seed}：事项{item.Item.Id}第{i + 1}个期限{mine}晚于上级{theirs}");
            }

            if (!excepted && parentItem.EarliestDueDate is { } due)
            {
                Assert.True(item.EffectiveDeadline <= due, $"种子{seed}：事项{item.Item.Id}期限{item.EffectiveDeadline}晚于上级{due}");
            }
        }
    }
}
