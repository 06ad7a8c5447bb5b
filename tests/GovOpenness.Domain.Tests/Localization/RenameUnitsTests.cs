using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Plans;
using static GovOpenness.Domain.Tests.Localization.TestPlans;

namespace GovOpenness.Domain.Tests.Localization;

public class RenameUnitsTests
{
    private static readonly PublishedPlan Parent = Plan(
        Item("1", "以公开促落实"),
        Item("1.1", "以行政执法公开促法治", EndOf(11)) with { Units = ["省司法厅", "省公安厅"] },
        Item("1.2", "以重大建设项目信息公开促廉政") with { Units = ["省发展改革委"] });

    [Fact]
    public void Named_units_are_renamed_and_the_others_kept_in_place()
    {
        var policy = new RenameUnits([new UnitRename("省司法厅", "市司法局"), new UnitRename("省司法厅", "不会用到")]);

        var plan = PlanMaterializer.Materialize(Parent, policy.Apply(Parent, WorkingDayCalendar.China), "1411");

        Assert.Equal(["市司法局", "省公安厅"], plan.FindItem("1.1")!.Item.Units);
        Assert.Equal(["省发展改革委"], plan.FindItem("1.2")!.Item.Units);
        Assert.True(plan.FindItem("1.2")!.IsAdoptedAsIs);
    }

    [Fact]
    public void Round_trips_through_json_as_its_own_kind()
    {
        LocalizationPolicy policy = new RenameUnits([new UnitRename("省司法厅", "市司法局")]);

        var json = LocalizationJson.Serialize(policy);
        var back = LocalizationJson.Deserialize<LocalizationPolicy>(json);

        Assert.Contains("\"renameUnits\"", json, StringComparison.Ordinal);
        var renames = Assert.IsType<RenameUnits>(back).Renames;
        Assert.Equal(new UnitRename("省司法厅", "市司法局"), Assert.Single(renames));
    }
}
