using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Progress;
using static GovOpenness.Domain.Tests.Localization.TestPlans;

namespace GovOpenness.Domain.Tests.Progress;

public class ItemTargetTests
{
    [Fact]
    public void Targets_take_the_effective_deadline_of_the_localized_plan()
    {
        var plan = PlanMaterializer.Materialize(Province(), Changes(Province(), new TightenDeadline("1.1", Date(7, 31))), "141181");

        var targets = ItemTarget.FromPlan(plan, new Dictionary<string, int> { ["2.1"] = 3 });

        Assert.Equal(Date(7, 31), targets.Single(t => t.ItemId == "1.1").Deadline);
        Assert.Equal(3, targets.Single(t => t.ItemId == "2.1").Weight);
        Assert.All(targets.Where(t => t.ItemId != "2.1"), t => Assert.Equal(1, t.Weight));
        Assert.Equal(new[] { "1.1", "1.2", "2.1", "2.2" }, targets.Select(t => t.ItemId));
    }

    [Fact]
    public void Chapter_headings_are_no_targets_and_a_top_level_entry_without_tasks_is_one()
    {
        // 一、 with two tasks under it is a chapter; 二、 and 三、 have none under them: tasks themselves.
        var items = new[]
        {
            Item("1", "以公开促落实", EndOf(3)),
            Item("1.1", "以行政执法公开促法治", EndOf(11), EndOf(6)),
            Item("1.2", "以重大建设项目信息公开促廉政", Ongoing()),
            Item("2", "以公开促服务", EndOf(9)),
            Item("3", "加强组织领导") with { Weight = 4 },
        };

        var targets = ItemTarget.FromItems(items);

        Assert.Equal(
            new[] { new ItemTarget("1.1", Date(6, 30)), new ItemTarget("1.2", null), new ItemTarget("2", Date(9, 30)), new ItemTarget("3", null, 4) },
            targets);
    }

    [Fact]
    public void A_weight_out_of_range_is_refused_naming_the_item()
    {
        var plan = PlanMaterializer.Materialize(Province(), Changes(Province()), "1411");

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ItemTarget.FromPlan(plan, new Dictionary<string, int> { ["1.2"] = 0 }));

        Assert.Contains("1.2", error.Message);
    }
}
