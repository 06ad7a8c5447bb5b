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
        Assert.Equal(plan.Items.Select(i => i.Item.Id), targets.Select(t => t.ItemId));
    }

    [Fact]
    public void A_weight_out_of_range_is_refused_naming_the_item()
    {
        var plan = PlanMaterializer.Materialize(Province(), Changes(Province()), "1411");

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ItemTarget.FromPlan(plan, new Dictionary<string, int> { ["1.2"] = 0 }));

        Assert.Contains("1.2", error.Message);
    }
}
