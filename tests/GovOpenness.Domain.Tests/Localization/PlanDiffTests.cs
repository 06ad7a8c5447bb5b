using GovOpenness.Domain.Localization;
using static GovOpenness.Domain.Tests.Localization.TestPlans;

namespace GovOpenness.Domain.Tests.Localization;

public class PlanDiffTests
{
    private static readonly PublishedPlan Parent = Province();

    private static ItemDiff Single(string itemId, params LocalizationChange[] changes)
    {
        var diff = PlanDiff.Compute(Parent, PlanMaterializer.Materialize(Parent, Changes(Parent, changes), "141181"));
        return Assert.Single(diff, d => d.ItemId == itemId);
    }

    [Fact]
    public void Adopting_as_is_has_no_differences()
    {
        Assert.Empty(PlanDiff.Compute(Parent, PlanMaterializer.Materialize(Parent, PlanLocalization.AdoptAsIs(Parent), "1411")));
    }

    [Fact]
    public void A_tightened_deadline_shows_from_and_to()
    {
        var diff = Single("1.1", new TightenDeadline("1.1", Date(7, 31)));

        Assert.Equal(ItemDiffKind.Changed, diff.Kind);
        Assert.Equal(new ValueChange<DateOnly?>(Date(11, 30), Date(7, 31)), diff.Deadline);
        Assert.Equal([0, 1], diff.Deadlines.Select(d => d.Index));
        Assert.All(diff.Deadlines, d => Assert.Equal(Date(11, 30), d.From));
    }

    [Fact]
    public void A_moved_second_deadline_is_listed_even_when_the_earliest_stays()
    {
        var diff = Single("2.1", new TightenDeadline("2.1", Date(9, 15), DeadlineIndex: 1));

        Assert.Null(diff.Deadline);
        var moved = Assert.Single(diff.Deadlines);
        Assert.Equal((1, Date(9, 30), Date(9, 15)), (moved.Index, moved.From!.Value, moved.To!.Value));
    }

    [Fact]
    public void Units_and_wording_show_both_sides()
    {
        var diff = Single("1.2", new SetUnits("1.2", ["市发改局"]), new Reword("1.2", Text: "本级正文"));

        Assert.Equal(["省政务公开办"], diff.Units!.From.AsEnumerable());
        Assert.Equal(["市发改局"], diff.Units.To.AsEnumerable());
        Assert.Null(diff.HeadingChange);
        Assert.Equal("本级正文", diff.TextChange!.To);
    }

    [Fact]
    public void Dropped_items_carry_the_reason_and_added_items_their_deadline()
    {
        var diff = PlanDiff.Compute(Parent, PlanMaterializer.Materialize(Parent, Changes(Parent,
            new Drop("2.2", "本级不涉及"),
            new AddItem("L1", "1.2", "做好疫情防控信息公开", "正文", [EndOf(10)], ["市卫健局"])), "141181"));

        var dropped = Assert.Single(diff, d => d.Kind == ItemDiffKind.Dropped);
        Assert.Equal(("2.2", "本级不涉及"), (dropped.ItemId, dropped.DropReason));
        var added = Assert.Single(diff, d => d.Kind == ItemDiffKind.Added);
        Assert.Equal("L1", added.ItemId);
        Assert.Equal(Date(10, 31), added.Deadline!.To);
        Assert.Equal(["市卫健局"], added.Units!.To.AsEnumerable());
        Assert.Contains("\"deadline\":{\"from\":null,\"to\":\"2022-10-31\"}", LocalizationJson.Serialize(added));
    }

    [Fact]
    public void A_deadline_change_serializes_as_from_and_to_dates()
    {
        var diff = Single("1.1", new TightenDeadline("1.1", Date(7, 31)));

        var json = LocalizationJson.Serialize(diff);

        Assert.Contains("\"deadline\":{\"from\":\"2022-11-30\",\"to\":\"2022-07-31\"}", json);
        Assert.Contains("\"kind\":\"changed\"", json);
    }
}
