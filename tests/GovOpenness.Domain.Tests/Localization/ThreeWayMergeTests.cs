using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Plans;
using static GovOpenness.Domain.Tests.Localization.TestPlans;

namespace GovOpenness.Domain.Tests.Localization;

public class ThreeWayMergeTests
{
    private static readonly PublishedPlan V1 = Province();

    private static PublishedPlan Revise(Func<PlanItem, PlanItem?> revise) =>
        V1 with { Version = 2, Items = [.. V1.Items.Select(revise).Where(i => i is not null).Select(i => i!)] };

    [Fact]
    public void Rebasing_onto_the_same_plan_is_the_identity()
    {
        var child = Changes(V1, new TightenDeadline("1.1", Date(7, 31)), new SetUnits("1.2", ["市发改局"]), new Drop("2.2", "本级不涉及"),
            new AddItem("L1", "1.2", "本级事项", "正文", [], []));

        var result = ThreeWayMerge.Rebase(V1, V1, child);

        Assert.False(result.HasConflicts);
        Assert.Equal(child, result.Rebased with { ParentVersion = child.ParentVersion });
    }

    [Fact]
    public void Items_the_child_did_not_change_follow_the_new_version()
    {
        var v2 = Revise(i => i.Id == "1.2" ? i with { Text = "上级新正文" } : i);
        var child = Changes(V1, new SetUnits("1.1", ["市司法局"]));

        var result = ThreeWayMerge.Rebase(V1, v2, child);
        var plan = PlanMaterializer.Materialize(v2, result.Rebased, "141181");

        Assert.False(result.HasConflicts);
        Assert.Equal(2, result.Rebased.ParentVersion);
        Assert.Equal("上级新正文", plan.FindItem("1.2")!.Item.Text);
        Assert.Equal(["市司法局"], plan.FindItem("1.1")!.Item.Units);
    }

    [Fact]
    public void A_change_to_an_item_the_parent_removed_is_flagged_not_carried()
    {
        var v2 = Revise(i => i.Id == "1.2" ? null : i);
        var child = Changes(V1, new SetUnits("1.2", ["市发改局"]));

        var result = ThreeWayMerge.Rebase(V1, v2, child);

        Assert.Empty(result.Rebased.Changes);
        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal((ConflictKind.ParentRemovedItem, false), (conflict.Kind, conflict.CarriedOver));
        Assert.Equal(child.Changes[0], conflict.ChildChange);
    }

    [Fact]
    public void A_child_deadline_later_than_the_parents_new_one_yields_to_the_parent_and_is_flagged()
    {
        var v2 = Revise(i => i.Id == "2.1" ? i with { Deadlines = [EndOf(6), EndOf(9)] } : i);
        var child = Changes(V1, new TightenDeadline("2.1", Date(7, 31), DeadlineIndex: 0));

        var result = ThreeWayMerge.Rebase(V1, v2, child);
        var plan = PlanMaterializer.Materialize(v2, result.Rebased, "141181");

        Assert.Equal(ConflictKind.DeadlineNowLaterThanParent, Assert.Single(result.Conflicts).Kind);
        Assert.Equal(Date(6, 30), plan.FindItem("2.1")!.Item.Deadlines[0].Date);
    }

    [Fact]
    public void A_child_deadline_still_earlier_than_the_parents_new_one_is_kept_quietly()
    {
        var v2 = Revise(i => i.Id == "2.1" ? i with { Deadlines = [EndOf(8), EndOf(8)] } : i);
        var child = Changes(V1, new TightenDeadline("2.1", Date(7, 31), DeadlineIndex: 1));

        var result = ThreeWayMerge.Rebase(V1, v2, child);

        Assert.False(result.HasConflicts);
        Assert.Equal(child, result.Rebased with { ParentVersion = child.ParentVersion });
    }

    [Fact]
    public void Both_rewording_an_item_keeps_the_childs_wording_and_flags_it()
    {
        var v2 = Revise(i => i.Id == "1.1" ? i with { Text = "上级新正文" } : i);
        var child = Changes(V1, new Reword("1.1", Text: "本级正文"));

        var result = ThreeWayMerge.Rebase(V1, v2, child);

        Assert.Equal(child, result.Rebased with { ParentVersion = child.ParentVersion });
        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal((ConflictKind.ParentReworded, true), (conflict.Kind, conflict.CarriedOver));
    }

    [Fact]
    public void Rewording_different_parts_is_no_conflict_and_each_side_keeps_its_part()
    {
        var v2 = Revise(i => i.Id == "1.1" ? i with { Text = "上级新正文" } : i);
        var child = Changes(V1, new Reword("1.1", Heading: "本级标题"));

        var result = ThreeWayMerge.Rebase(V1, v2, child);
        var item = PlanMaterializer.Materialize(v2, result.Rebased, "141181").FindItem("1.1")!.Item;

        Assert.False(result.HasConflicts);
        Assert.Equal(("本级标题", "上级新正文"), (item.Heading, item.Text));
    }

    [Fact]
    public void Dropping_an_item_the_parent_reworded_is_flagged()
    {
        var v2 = Revise(i => i.Id == "2.2" ? i with { Text = "上级扩充了内容" } : i);

        var result = ThreeWayMerge.Rebase(V1, v2, Changes(V1, new Drop("2.2", "本级不涉及")));

        Assert.Equal(ConflictKind.ParentChangedDroppedItem, Assert.Single(result.Conflicts).Kind);
        Assert.IsType<Drop>(Assert.Single(result.Rebased.Changes));
    }

    [Fact]
    public void An_approved_exception_on_a_moved_deadline_needs_review()
    {
        var v2 = Revise(i => i.Id == "1.1" ? i with { Deadlines = [EndOf(10), EndOf(11)] } : i);
        var child = Changes(V1, new TightenDeadline("1.1", Date(12, 31), ApprovedException: true, DeadlineIndex: 0));

        var result = ThreeWayMerge.Rebase(V1, v2, child);

        Assert.Equal(ConflictKind.ExceptionNeedsReview, Assert.Single(result.Conflicts).Kind);
        Assert.Single(result.Rebased.Changes);
    }

    [Fact]
    public void A_renumbered_item_takes_the_childs_change_along()
    {
        // v2 inserts a new item 1.1: the old 1.1 becomes 1.2, the old 1.2 becomes 1.3.
        var inserted = Item("1.1", "以权威发布促落实");
        var items = new List<PlanItem> { V1.Items[0], inserted };
        items.AddRange(V1.Items.Where(i => i.Id is "1.1" or "1.2").Select(i => i with { Id = i.Id == "1.1" ? "1.2" : "1.3" }));
        items.AddRange(V1.Items.Where(i => i.Id.StartsWith('2')));
        var v2 = V1 with { Version = 2, Items = [.. items] };
        var child = Changes(V1, new SetUnits("1.1", ["市司法局"]));

        var result = ThreeWayMerge.Rebase(V1, v2, child);

        Assert.Equal("1.2", Assert.Single(result.Rebased.Changes).ItemId);
        Assert.Equal(ConflictKind.ItemRenumbered, Assert.Single(result.Conflicts).Kind);
    }

    [Fact]
    public void A_local_item_whose_anchor_was_removed_moves_to_the_nearest_item_left()
    {
        var v2 = Revise(i => i.Id == "1.2" ? null : i);
        var child = Changes(V1, new AddItem("L1", "1.2", "本级事项", "正文", [], []));

        var result = ThreeWayMerge.Rebase(V1, v2, child);

        Assert.Equal("1.1", Assert.IsType<AddItem>(Assert.Single(result.Rebased.Changes)).AfterItemId);
        Assert.Equal(ConflictKind.AnchorRemoved, Assert.Single(result.Conflicts).Kind);
    }

    [Fact]
    public void A_removed_item_the_child_had_dropped_needs_no_attention()
    {
        var v2 = Revise(i => i.Id == "2.2" ? null : i);

        var result = ThreeWayMerge.Rebase(V1, v2, Changes(V1, new Drop("2.2", "本级不涉及")));

        Assert.Empty(result.Rebased.Changes);
        Assert.False(result.HasConflicts);
    }

    [Fact]
    public void The_deadline_kind_changing_under_a_child_change_is_flagged()
    {
        var v2 = Revise(i => i.Id == "2.2" ? i with { Deadlines = [Ongoing()] } : i);
        var child = Changes(V1, new TightenDeadline("2.2", Date(2, 28), DeadlineIndex: 0));

        var result = ThreeWayMerge.Rebase(V1, v2, child);

        Assert.Equal(ConflictKind.ParentChangedDeadlines, Assert.Single(result.Conflicts).Kind);
        Assert.Empty(result.Rebased.Changes);
    }

    [Fact]
    public void A_change_naming_a_deadline_the_old_version_lacked_is_flagged_not_thrown()
    {
        var v2 = Revise(i => i.Id == "1.2" ? i with { Deadlines = [EndOf(10)] } : i);
        var child = Changes(V1, new TightenDeadline("1.2", Date(7, 31), DeadlineIndex: 0));

        var result = ThreeWayMerge.Rebase(V1, v2, child);

        Assert.Equal(ConflictKind.ParentChangedDeadlines, Assert.Single(result.Conflicts).Kind);
    }

    [Fact]
    public void A_tightening_follows_its_deadline_when_the_parent_restructures_the_items_deadlines()
    {
        // 2.1 had 8月底前 and 9月底前; the revision drops 8月底前 and adds 10月底前 after: 9月底前 is now the first.
        var v2 = Revise(i => i.Id == "2.1" ? i with { Deadlines = [EndOf(9), EndOf(10)] } : i);
        var child = Changes(V1, new TightenDeadline("2.1", Date(9, 15), DeadlineIndex: 1));

        var result = ThreeWayMerge.Rebase(V1, v2, child);

        Assert.False(result.HasConflicts, string.Join("；", result.Conflicts.Select(c => c.Message)));
        Assert.Equal(0, Assert.IsType<TightenDeadline>(Assert.Single(result.Rebased.Changes)).DeadlineIndex);
    }
}
