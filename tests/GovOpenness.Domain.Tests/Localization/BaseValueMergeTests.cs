using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Plans;
using static GovOpenness.Domain.Tests.Localization.TestPlans;

namespace GovOpenness.Domain.Tests.Localization;

public class BaseValueMergeTests
{
    private static readonly PublishedPlan V1 = Province();

    private static PublishedPlan Revise(Func<PlanItem, PlanItem> revise) =>
        V1 with { Version = 2, Items = [.. V1.Items.Select(revise)] };

    private static RecordedBase[] Record(params LocalizationChange[] changes) =>
        [.. changes.Select(c => BaseValueMerge.Record(V1, c))];

    [Fact]
    public void Recording_keeps_the_parent_value_each_change_replaces()
    {
        var units = BaseValueMerge.Record(V1, new SetUnits("1.1", ["市司法局"]));
        var text = BaseValueMerge.Record(V1, new Reword("1.2", Text: "本级正文"));

        Assert.Equal(V1.FindItem("1.1")!.Units, units.Units!.Value);
        Assert.Equal(V1.FindItem("1.2")!.Text, text.Text);
        Assert.Null(text.Heading);
    }

    [Fact]
    public void A_revision_that_leaves_the_replaced_values_alone_is_no_conflict()
    {
        var v2 = Revise(i => i.Id == "2.1" ? i with { Text = "上级新正文", Units = ["省大数据局"] } : i);

        var conflicts = BaseValueMerge.Conflicts(v2, Record(new SetUnits("1.1", ["市司法局"]), new Reword("1.2", Text: "本级正文")));

        Assert.Empty(conflicts);
    }

    [Fact]
    public void Both_setting_units_is_flagged_and_the_childs_units_carried()
    {
        var v2 = Revise(i => i.Id == "1.1" ? i with { Units = ["省司法厅"] } : i);
        var change = new SetUnits("1.1", ["市司法局"]);

        var conflict = Assert.Single(BaseValueMerge.Conflicts(v2, Record(change)));

        Assert.Equal(("1.1", ConflictKind.ParentChangedUnits, true), (conflict.ItemId, conflict.Kind, conflict.CarriedOver));
        Assert.Equal(change, conflict.ChildChange);
    }

    [Fact]
    public void Both_rewording_the_heading_is_flagged_but_a_text_rewording_is_not_touched_by_a_heading_change()
    {
        var v2 = Revise(i => i.Id == "1.1" || i.Id == "1.2" ? i with { Heading = i.Heading + "（修订）" } : i);

        var conflicts = BaseValueMerge.Conflicts(v2, Record(new Reword("1.1", Heading: "本级标题"), new Reword("1.2", Text: "本级正文")));

        var conflict = Assert.Single(conflicts);
        Assert.Equal(("1.1", ConflictKind.ParentReworded), (conflict.ItemId, conflict.Kind));
        Assert.Contains("重新确认", conflict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Items_the_parent_removed_and_local_items_are_left_to_the_materializer()
    {
        var v2 = V1 with { Version = 2, Items = [.. V1.Items.Where(i => i.Id != "1.1")] };

        var conflicts = BaseValueMerge.Conflicts(v2, Record(new SetUnits("1.1", ["市司法局"]), new AddItem("L1", null, "本级事项", "正文", [], [])));

        Assert.Empty(conflicts);
    }
}
