using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Plans;
using static GovOpenness.Domain.Tests.Localization.TestPlans;

namespace GovOpenness.Domain.Tests.Localization;

/// <summary>The one merge (<see cref="ThreeWayMerge"/>) fed as the grains feed it: with the merge base each
/// change recorded (<see cref="BaseValueMerge.Record"/>) instead of the parent's old plan.</summary>
public class BaseValueMergeTests
{
    private static readonly PublishedPlan V1 = Province();

    private static PublishedPlan Revise(Func<PlanItem, PlanItem> revise) =>
        V1 with { Version = 2, Items = [.. V1.Items.Select(revise)] };

    private static RebaseResult Merge(PublishedPlan v2, params LocalizationChange[] changes) =>
        ThreeWayMerge.Rebase(v2, Changes(V1, changes), changes.Select(c => BaseValueMerge.Record(V1, c)));

    /// <summary>v2 inserts a new item 1.1: the old 1.1 becomes 1.2, the old 1.2 becomes 1.3.</summary>
    private static PublishedPlan WithInsertedItem()
    {
        var items = new List<PlanItem> { V1.Items[0], Item("1.1", "以权威发布促落实", EndOf(6)) };
        items.AddRange(V1.Items.Where(i => i.Id is "1.1" or "1.2").Select(i => i with { Id = i.Id == "1.1" ? "1.2" : "1.3" }));
        items.AddRange(V1.Items.Where(i => i.Id.StartsWith('2')));
        return V1 with { Version = 2, Items = [.. items] };
    }

    [Fact]
    public void Recording_keeps_the_parent_value_each_change_replaces_and_the_item_it_was_made_on()
    {
        var units = BaseValueMerge.Record(V1, new SetUnits("1.1", ["市司法局"]));
        var text = BaseValueMerge.Record(V1, new Reword("1.2", Text: "本级正文"));

        Assert.Equal(V1.FindItem("1.1")!.Units, units.Units!.Value);
        Assert.Equal(V1.FindItem("1.1"), units.Item);
        Assert.Equal(V1.FindItem("1.2")!.Text, text.Text);
        Assert.Null(text.Heading);
    }

    [Fact]
    public void A_revision_that_leaves_the_replaced_values_alone_is_no_conflict()
    {
        var v2 = Revise(i => i.Id == "2.1" ? i with { Text = "上级新正文", Units = ["省大数据局"] } : i);

        var result = Merge(v2, new SetUnits("1.1", ["市司法局"]), new Reword("1.2", Text: "本级正文"));

        Assert.False(result.HasConflicts);
        Assert.Equal(2, result.Rebased.Changes.Length);
    }

    [Fact]
    public void Both_setting_units_is_flagged_and_the_childs_units_carried()
    {
        var v2 = Revise(i => i.Id == "1.1" ? i with { Units = ["省司法厅"] } : i);
        var change = new SetUnits("1.1", ["市司法局"]);

        var conflict = Assert.Single(Merge(v2, change).Conflicts);

        Assert.Equal(("1.1", ConflictKind.ParentChangedUnits, true), (conflict.ItemId, conflict.Kind, conflict.CarriedOver));
        Assert.Equal(change, conflict.ChildChange);
    }

    [Fact]
    public void Both_rewording_the_heading_is_flagged_but_a_text_rewording_is_not_touched_by_a_heading_change()
    {
        var v2 = Revise(i => i.Id == "1.1" || i.Id == "1.2" ? i with { Heading = i.Heading + "（修订）" } : i);

        var result = Merge(v2, new Reword("1.1", Heading: "本级标题"), new Reword("1.2", Text: "本级正文"));

        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal(("1.1", ConflictKind.ParentReworded), (conflict.ItemId, conflict.Kind));
    }

    [Fact]
    public void A_change_to_an_item_the_parent_removed_is_flagged_and_a_local_item_carried()
    {
        var v2 = V1 with { Version = 2, Items = [.. V1.Items.Where(i => i.Id != "1.1")] };

        var result = Merge(v2, new SetUnits("1.1", ["市司法局"]), new AddItem("L1", null, "本级事项", "正文", [], []));

        Assert.Equal(ConflictKind.ParentRemovedItem, Assert.Single(result.Conflicts).Kind);
        Assert.IsType<AddItem>(Assert.Single(result.Rebased.Changes));
    }

    [Fact]
    public void A_change_follows_its_item_renumbered_by_the_parents_insertion()
    {
        var result = Merge(WithInsertedItem(), new SetUnits("1.1", ["市司法局"]), new Reword("1.2", Text: "本级正文"));

        Assert.Equal(["1.2", "1.3"], result.Rebased.Changes.Select(c => c.ItemId));
        Assert.All(result.Conflicts, c => Assert.Equal((ConflictKind.ItemRenumbered, true), (c.Kind, c.CarriedOver)));
    }

    [Fact]
    public void A_tightening_follows_its_deadline_when_the_parent_adds_one_before_it()
    {
        // 2.1 had 8月底前 and 9月底前; the revision puts 6月底前 first, so 9月底前 is now the third.
        var v2 = Revise(i => i.Id == "2.1" ? i with { Deadlines = [EndOf(6), .. i.Deadlines] } : i);

        var result = Merge(v2, new TightenDeadline("2.1", Date(9, 15), DeadlineIndex: 1));

        Assert.False(result.HasConflicts, string.Join("；", result.Conflicts.Select(c => c.Message)));
        Assert.Equal(2, Assert.IsType<TightenDeadline>(Assert.Single(result.Rebased.Changes)).DeadlineIndex);
        var plan = PlanMaterializer.Materialize(v2, result.Rebased, "1411");
        Assert.Equal([Date(6, 30), Date(8, 31), Date(9, 15)], plan.Items.Single(i => i.Item.Id == "2.1").Item.Deadlines.Select(d => d.Date!.Value));
    }

    [Fact]
    public void A_record_made_before_items_were_kept_still_merges_from_the_values_it_replaced()
    {
        var v2 = Revise(i => i.Id == "1.1" ? i with { Units = ["省司法厅"] } : i);
        var change = new SetUnits("1.1", ["市司法局"]);
        var legacy = BaseValueMerge.Record(V1, change) with { Item = null };

        var result = ThreeWayMerge.Rebase(v2, Changes(V1, change), [legacy]);

        Assert.Equal(ConflictKind.ParentChangedUnits, Assert.Single(result.Conflicts).Kind);
        Assert.Equal(change, Assert.Single(result.Rebased.Changes));
    }
}
