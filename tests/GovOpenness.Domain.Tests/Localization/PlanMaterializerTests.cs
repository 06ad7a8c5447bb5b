using System.Collections.Immutable;
using GovOpenness.Domain.Localization;
using static GovOpenness.Domain.Tests.Localization.TestPlans;

namespace GovOpenness.Domain.Tests.Localization;

public class PlanMaterializerTests
{
    private static readonly PublishedPlan Parent = Province();

    [Fact]
    public void Adopting_as_is_gives_the_parents_items_each_with_its_origin()
    {
        var plan = PlanMaterializer.Materialize(Parent, PlanLocalization.AdoptAsIs(Parent), "1411");

        Assert.Equal(Parent.Items.Select(i => i.Id), plan.Items.Select(i => i.Item.Id));
        Assert.All(plan.Items, i => Assert.Equal(i.Item.Id, i.Origin));
        Assert.All(plan.Items, i => Assert.True(i.IsAdoptedAsIs));
        Assert.Empty(plan.Issues);
        Assert.Equal("14", plan.ParentBodyId);
        Assert.Equal(Parent.Title, plan.Title);
    }

    [Fact]
    public void Tightening_all_deadlines_of_an_item_moves_each_to_the_new_date()
    {
        var plan = PlanMaterializer.Materialize(Parent, Changes(Parent, new TightenDeadline("1.1", Date(7, 31))), "141181");

        var item = plan.FindItem("1.1")!;
        Assert.All(item.Item.Deadlines, d => Assert.Equal(Date(7, 31), d.Date));
        Assert.All(item.Item.Deadlines, d => Assert.Equal("7月底前", d.Text));
        Assert.Equal(Date(7, 31), item.EffectiveDeadline);
        Assert.Equal(Date(11, 30), item.ParentDeadline);
        Assert.Single(item.Changes);
    }

    [Fact]
    public void Tightening_one_deadline_by_index_leaves_the_others()
    {
        var plan = PlanMaterializer.Materialize(Parent, Changes(Parent, new TightenDeadline("2.1", Date(7, 31), DeadlineIndex: 0)), "141181");

        var deadlines = plan.FindItem("2.1")!.Item.Deadlines;
        Assert.Equal(Date(7, 31), deadlines[0].Date);
        Assert.Equal(Date(9, 30), deadlines[1].Date);
    }

    [Fact]
    public void Whole_item_tightening_between_two_deadlines_keeps_the_earlier_one()
    {
        var plan = PlanMaterializer.Materialize(Parent, Changes(Parent, new TightenDeadline("2.1", Date(9, 15))), "141181");

        var deadlines = plan.FindItem("2.1")!.Item.Deadlines;
        Assert.Equal(Date(8, 31), deadlines[0].Date);
        Assert.Equal(Date(9, 15), deadlines[1].Date);
    }

    [Fact]
    public void Tightening_an_item_without_a_date_gives_it_one()
    {
        var plan = PlanMaterializer.Materialize(Parent, Changes(Parent, new TightenDeadline("1.2", Date(7, 31))), "141181");

        var item = plan.FindItem("1.2")!;
        Assert.Null(item.ParentDeadline);
        Assert.Equal(Date(7, 31), item.EffectiveDeadline);
    }

    [Fact]
    public void A_later_deadline_without_approval_is_clamped_to_the_parents_and_reported()
    {
        var plan = PlanMaterializer.Materialize(Parent, Changes(Parent, new TightenDeadline("1.1", Date(12, 31))), "141181");

        Assert.All(plan.FindItem("1.1")!.Item.Deadlines, d => Assert.Equal(Date(11, 30), d.Date));
        var issue = Assert.Single(plan.Issues);
        Assert.Equal("deadline-later-than-parent", issue.Code);
        Assert.Contains("2022-12-31", issue.Message);
        Assert.Contains("2022-11-30", issue.Message);
    }

    [Fact]
    public void An_approved_exception_may_be_later_than_the_parent()
    {
        var plan = PlanMaterializer.Materialize(Parent, Changes(Parent, new TightenDeadline("1.1", Date(12, 31), ApprovedException: true, DeadlineIndex: 1)), "141181");

        var deadlines = plan.FindItem("1.1")!.Item.Deadlines;
        Assert.Equal(Date(11, 30), deadlines[0].Date);
        Assert.Equal(Date(12, 31), deadlines[1].Date);
        Assert.Empty(plan.Issues);
    }

    [Fact]
    public void When_the_parent_tightens_later_the_childs_deadline_is_the_earlier_of_both()
    {
        var child = Changes(Parent, new TightenDeadline("2.1", Date(8, 15), DeadlineIndex: 1));
        var stricterParent = Parent with
        {
            Version = 2,
            Items = Parent.Items.Select(i => i.Id == "2.1" ? i with { Deadlines = [EndOf(8), EndOf(7)] } : i).ToImmutableArray(),
        };

        var plan = PlanMaterializer.Materialize(stricterParent, child, "141181");

        Assert.Equal(Date(7, 31), plan.FindItem("2.1")!.Item.Deadlines[1].Date);
    }

    [Fact]
    public void Units_and_wording_are_the_bodys_own()
    {
        var plan = PlanMaterializer.Materialize(Parent, Changes(Parent,
            new SetUnits("1.1", ["市司法局", "市公安局"]),
            new Reword("1.1", "做好行政执法信息公开")), "141181");

        var item = plan.FindItem("1.1")!.Item;
        Assert.Equal(["市司法局", "市公安局"], item.Units);
        Assert.Equal("做好行政执法信息公开", item.Heading);
        Assert.Equal(Parent.FindItem("1.1")!.Text, item.Text);
    }

    [Fact]
    public void Dropping_a_section_drops_everything_numbered_under_it_with_the_reason()
    {
        var plan = PlanMaterializer.Materialize(Parent, Changes(Parent, new Drop("2", "本级不涉及")), "141181");

        Assert.Equal(["1", "1.1", "1.2"], plan.Items.Select(i => i.Item.Id));
        Assert.Equal(["2", "2.1", "2.2"], plan.Dropped.Select(d => d.ItemId));
        Assert.All(plan.Dropped, d => Assert.Equal("本级不涉及", d.Reason));
    }

    [Fact]
    public void A_local_item_follows_its_anchor_and_everything_under_it()
    {
        var plan = PlanMaterializer.Materialize(Parent, Changes(Parent,
            new AddItem("L1", "1", "做好疫情防控信息公开", "严格执行疫情防控信息发布各项制度。", [], ["市卫健局"]),
            new AddItem("L2", "1", "第二个本级事项", "正文。", [EndOf(6)], []),
            new AddItem("L3", null, "末尾事项", "正文。", [], [])), "141181");

        Assert.Equal(["1", "1.1", "1.2", "L1", "L2", "2", "2.1", "2.2", "L3"], plan.Items.Select(i => i.Item.Id));
        var local = plan.FindItem("L1")!;
        Assert.Equal(LocalizedItem.LocalOrigin, local.Origin);
        Assert.Null(local.ParentItemId);
        Assert.Equal(Date(6, 30), plan.FindItem("L2")!.EffectiveDeadline);
    }

    [Fact]
    public void Changes_to_unknown_items_are_reported_not_thrown()
    {
        var plan = PlanMaterializer.Materialize(Parent, Changes(Parent, new Reword("9.9", "不存在")), "141181");

        Assert.Equal(Parent.Items.Length, plan.Items.Length);
        Assert.Equal("unknown-item", Assert.Single(plan.Issues).Code);
    }

    [Fact]
    public void The_body_publishes_its_effective_plan_to_its_own_children()
    {
        var localization = Changes(Parent, new TightenDeadline("1.1", Date(7, 31))) with { Title = "孝义市2022年政务公开工作要点" };
        var plan = PlanMaterializer.Materialize(Parent, localization, "141181").ToPublishedPlan(1);

        Assert.Equal("141181", plan.BodyId);
        Assert.Equal("孝义市2022年政务公开工作要点", plan.Title);
        Assert.Null(plan.DocNumber);
        Assert.Equal(Date(7, 31), plan.FindItem("1.1")!.EarliestDueDate);
    }
}
