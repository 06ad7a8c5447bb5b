using GovOpenness.Domain.Localization;
using static GovOpenness.Domain.Tests.Localization.TestPlans;

namespace GovOpenness.Domain.Tests.Localization;

public class PlanComparisonTests
{
    private static readonly PublishedPlan Parent = Province();

    private static ItemDiff Single(string itemId, params LocalizationChange[] changes)
    {
        var diff = PlanComparison.Compute(Parent, PlanMaterializer.Materialize(Parent, Changes(Parent, changes), "141181"));
        return Assert.Single(diff, d => d.ItemId == itemId);
    }

    [Fact]
    public void Adopting_as_is_has_no_differences()
    {
        Assert.Empty(PlanComparison.Compute(Parent, PlanMaterializer.Materialize(Parent, PlanLocalization.AdoptAsIs(Parent), "1411")));
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
        var diff = PlanComparison.Compute(Parent, PlanMaterializer.Materialize(Parent, Changes(Parent,
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

    [Fact]
    public void The_notes_are_the_same_diff_with_why_and_who()
    {
        var policy = new WorkingDaysBeforeParent(5);
        var own = Changes(Parent, new SetUnits("1.2", ["市发改局"]), new TightenDeadline("2.2", new DateOnly(2023, 4, 30), ApprovedException: true));
        var localization = policy.Apply(Parent, own);
        var mine = own.Changes.ToHashSet();
        var plan = PlanMaterializer.Materialize(Parent, localization, "141181");

        var notes = PlanComparison.Notes(Parent, plan, change => !mine.Contains(change));

        Assert.Equal(PlanComparison.Compute(Parent, plan).Where(d => d.Kind == ItemDiffKind.Changed).Select(d => d.ItemId).Order(), notes.Keys.Order());
        var deadline = Assert.Single(notes["1.1"]); // two equal 11月底前 moved alike: one note
        Assert.Equal(new DiffNote("deadline", "2022-11-30", "2022-11-23", null, ByPolicy: true), deadline);
        Assert.Equal(new DiffNote("units", "省政务公开办", "市发改局"), Assert.Single(notes["1.2"]));
        Assert.Equal(new DiffNote("deadline", "2022-03-31", "2023-04-30", "经批准的例外"), Assert.Single(notes["2.2"]));
    }
}
