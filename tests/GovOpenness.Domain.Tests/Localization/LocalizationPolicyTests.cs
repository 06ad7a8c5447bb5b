using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Localization;
using static GovOpenness.Domain.Tests.Localization.TestPlans;

namespace GovOpenness.Domain.Tests.Localization;

public class LocalizationPolicyTests
{
    private static readonly PublishedPlan Parent = Province();
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.China;

    private static LocalizedPlan Apply(LocalizationPolicy policy) =>
        PlanMaterializer.Materialize(Parent, policy.Apply(Parent, Calendar), "141181");

    [Fact]
    public void Working_days_before_parent_moves_every_by_deadline_on_the_calendar()
    {
        var plan = Apply(new WorkingDaysBeforeParent(5));

        Assert.All(plan.FindItem("1.1")!.Item.Deadlines, d => Assert.Equal(Calendar.SubtractWorkingDays(Date(11, 30), 5), d.Date));
        Assert.Equal(Calendar.SubtractWorkingDays(Date(9, 30), 5), plan.FindItem("2.1")!.Item.Deadlines[1].Date);
        // A recurring deadline ("每年3月底前") is not the body's to shift.
        Assert.Equal(Date(3, 31), plan.FindItem("2.2")!.Item.Deadlines[0].Date);
    }

    [Fact]
    public void Months_earlier_moves_to_the_end_of_an_earlier_month()
    {
        var plan = Apply(new MonthsEarlier(2));

        Assert.Equal([Date(9, 30), Date(9, 30)], plan.FindItem("1.1")!.Item.Deadlines.Select(d => d.Date!.Value));
        Assert.Equal([Date(6, 30), Date(7, 31)], plan.FindItem("2.1")!.Item.Deadlines.Select(d => d.Date!.Value));
        Assert.Equal("9月底前", plan.FindItem("1.1")!.Item.Deadlines[0].Text);
    }

    [Fact]
    public void End_of_month_caps_every_later_deadline()
    {
        var plan = Apply(new EndOfMonth(8));

        Assert.All(plan.FindItem("1.1")!.Item.Deadlines, d => Assert.Equal(Date(8, 31), d.Date));
        Assert.Equal([Date(8, 31), Date(8, 31)], plan.FindItem("2.1")!.Item.Deadlines.Select(d => d.Date!.Value));
    }

    [Fact]
    public void Units_from_mapping_takes_the_first_matching_rule_and_skips_sections()
    {
        var plan = Apply(new UnitsFromMapping([
            new UnitRule("行政执法", ["县司法局"]),
            new UnitRule("2.1", ["县教育局"]),
            new UnitRule("*", ["县政府办"])]));

        Assert.Equal(["县司法局"], plan.FindItem("1.1")!.Item.Units);
        Assert.Equal(["县教育局"], plan.FindItem("2.1")!.Item.Units);
        Assert.Equal(["县政府办"], plan.FindItem("2.2")!.Item.Units);
        Assert.Equal(Parent.FindItem("1")!.Units, plan.FindItem("1")!.Item.Units);
    }

    [Fact]
    public void Composed_policies_keep_the_earliest_deadline_and_all_units()
    {
        var policy = new MonthsEarlier(1).Then(new WorkingDaysBeforeParent(3)).Then(new UnitsFromMapping([new UnitRule("*", ["县政府办"])]));

        var plan = Apply(policy);

        var expected = new[] { PolicyEnd(10), Calendar.SubtractWorkingDays(Date(11, 30), 3) }.Min();
        Assert.All(plan.FindItem("1.1")!.Item.Deadlines, d => Assert.Equal(expected, d.Date));
        Assert.Equal(["县政府办"], plan.FindItem("1.2")!.Item.Units);
    }

    [Fact]
    public void Policy_output_always_passes_validation()
    {
        var policy = new CompositePolicy([new WorkingDaysBeforeParent(10), new EndOfMonth(10), new UnitsFromMapping([new UnitRule("*", ["县政府办"])])]);

        var result = LocalizationValidator.Default.Validate(Parent, policy.Apply(Parent), Date(1, 4));

        Assert.True(result.IsValid, string.Join("\n", result.Errors.Select(e => e.Message)));
    }

    [Fact]
    public void Adopt_as_is_makes_no_changes()
    {
        Assert.True(new AdoptAsIs().Apply(Parent).IsAdoptedAsIs);
    }

    [Fact]
    public void A_policy_is_stored_as_small_json_and_reads_back_equal_in_effect()
    {
        LocalizationPolicy policy = new CompositePolicy([new WorkingDaysBeforeParent(5), new UnitsFromMapping([new UnitRule("行政执法", ["县司法局"])])]);

        var json = LocalizationJson.Serialize(policy);
        var back = LocalizationJson.Deserialize<LocalizationPolicy>(json);

        Assert.StartsWith("{\"kind\":\"all\"", json);
        Assert.Contains("\"kind\":\"workingDaysBeforeParent\",\"days\":5", json);
        Assert.True(json.Length < 200, json);
        Assert.Equal(policy.Apply(Parent), back.Apply(Parent));
    }

    [Fact]
    public void A_bodys_own_changes_go_on_top_of_its_policy()
    {
        var own = Changes(Parent,
            new SetUnits("1.1", ["县司法局"]),
            new TightenDeadline("2.1", Date(6, 30), DeadlineIndex: 0),
            new Drop("2.2", "本级不涉及")) with { Title = "某县2022年政务公开工作要点" };
        var policy = new WorkingDaysBeforeParent(5).Then(new UnitsFromMapping([new UnitRule("*", ["县政府办"])]));

        var localization = policy.Apply(Parent with { Version = 2 }, own, Calendar);
        var plan = PlanMaterializer.Materialize(Parent with { Version = 2 }, localization, "141181");

        Assert.Equal(2, localization.ParentVersion);
        Assert.Equal("某县2022年政务公开工作要点", plan.Title);
        Assert.Equal(["县司法局"], plan.FindItem("1.1")!.Item.Units);
        Assert.Equal(["县政府办"], plan.FindItem("1.2")!.Item.Units);
        Assert.Equal(Date(6, 30), plan.FindItem("2.1")!.Item.Deadlines[0].Date);
        Assert.Equal(Calendar.SubtractWorkingDays(Date(9, 30), 5), plan.FindItem("2.1")!.Item.Deadlines[1].Date);
        Assert.Equal("2.2", Assert.Single(plan.Dropped).ItemId);
    }

    private static DateOnly PolicyEnd(int month) => new(Year, month, DateTime.DaysInMonth(Year, month));
}
