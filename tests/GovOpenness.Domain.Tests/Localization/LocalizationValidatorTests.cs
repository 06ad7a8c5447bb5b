using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Plans;
using Microsoft.Extensions.Time.Testing;
using static GovOpenness.Domain.Tests.Localization.TestPlans;

namespace GovOpenness.Domain.Tests.Localization;

public class LocalizationValidatorTests
{
    private static readonly PublishedPlan Parent = Province();
    private static readonly LocalizationValidator Validator = new(WorkingDayCalendar.China);
    private static readonly DateOnly Spring = Date(3, 1);

    private static ValidationResult Validate(params LocalizationChange[] changes) =>
        Validator.Validate(Parent, Changes(Parent, changes), Spring);

    [Fact]
    public void Adopting_as_is_is_valid_without_warnings()
    {
        var result = Validator.Validate(Parent, PlanLocalization.AdoptAsIs(Parent), Spring);

        Assert.True(result.IsValid);
        Assert.Empty(result.Issues);
    }

    [Fact]
    public void A_later_deadline_is_an_error_naming_the_item_and_both_dates()
    {
        var result = Validate(new TightenDeadline("2.1", Date(12, 31), DeadlineIndex: 1));

        var error = Assert.Single(result.Errors);
        Assert.Equal("deadline-later-than-parent", error.Code);
        Assert.Equal("事项2.1：期限2022-12-31晚于上级期限2022-09-30，须标注为经批准的例外", error.Message);
        Assert.Equal("2.1", error.ItemId);
    }

    [Fact]
    public void A_later_deadline_marked_as_approved_exception_is_a_warning()
    {
        var result = Validate(new TightenDeadline("2.1", Date(12, 31), ApprovedException: true, DeadlineIndex: 1));

        Assert.True(result.IsValid);
        Assert.Equal("approved-exception", Assert.Single(result.Warnings).Code);
    }

    [Fact]
    public void A_whole_item_tightening_is_compared_with_the_items_latest_deadline()
    {
        Assert.True(Validate(new TightenDeadline("2.1", Date(9, 15))).IsValid);
        Assert.False(Validate(new TightenDeadline("2.1", Date(10, 15))).IsValid);
    }

    [Fact]
    public void Unknown_items_and_deadlines_are_errors()
    {
        var result = Validate(
            new SetUnits("7.7", ["市司法局"]),
            new TightenDeadline("1.2", Date(7, 31), DeadlineIndex: 0),
            new TightenDeadline("2.2", Date(2, 28), DeadlineIndex: 5));

        Assert.Equal(["unknown-item", "deadline-index-unknown", "deadline-index-unknown"], result.Errors.Select(e => e.Code));
    }

    [Fact]
    public void Duplicate_changes_and_ids_are_errors()
    {
        var result = Validate(
            new Reword("1.1", "一"),
            new Reword("1.1", "二"),
            new AddItem("L1", null, "本级事项", "正文", [], []),
            new AddItem("L1", null, "又一个", "正文", [], []),
            new AddItem("2.3", null, "看似上级编号", "正文", [], []));

        Assert.Equal(["duplicate-change", "duplicate-id", "local-id-positional"], result.Errors.Select(e => e.Code));
    }

    [Fact]
    public void A_drop_needs_a_reason_and_excludes_other_changes_to_the_item()
    {
        var result = Validate(new Drop("1.1", " "), new SetUnits("1.1", ["市司法局"]));

        Assert.Equal(["drop-without-reason", "change-to-dropped-item"], result.Errors.Select(e => e.Code));
    }

    [Fact]
    public void A_passed_deadline_is_a_warning()
    {
        var result = Validator.Validate(Parent, Changes(Parent, new TightenDeadline("1.1", Date(7, 31))), Date(8, 5));

        Assert.True(result.IsValid);
        var warning = Assert.Single(result.Warnings, w => w.ItemId == "1.1");
        Assert.Equal("deadline-passed", warning.Code);
        Assert.Contains("2022-07-31", warning.Message);
        Assert.DoesNotContain("沿用上级期限", warning.Message);
    }

    [Fact]
    public void Too_few_working_days_left_is_a_warning_counted_on_the_calendar()
    {
        // From 2022-09-30 the National Day week (10-01..10-07 off) leaves few working days before 10-12.
        var today = Date(9, 30);
        var due = Date(10, 12);
        var left = WorkingDayCalendar.China.WorkingDaysBetween(today, due);
        Assert.True(left < 10);

        var result = Validator.Validate(Parent, Changes(Parent, new TightenDeadline("1.1", due)), today);

        var warning = Assert.Single(result.Warnings, w => w.ItemId == "1.1");
        Assert.Equal("few-working-days-left", warning.Code);
        Assert.Contains($"仅剩{left}个工作日", warning.Message);
    }

    [Fact]
    public void The_threshold_of_working_days_is_configurable()
    {
        var strict = new LocalizationValidator(WorkingDayCalendar.China, minWorkingDaysLeft: 200);

        var localization = Changes(Parent, new TightenDeadline("1.1", Date(10, 31)));

        Assert.Empty(Validator.Validate(Parent, localization, Spring).Warnings);
        Assert.Contains(strict.Validate(Parent, localization, Spring).Warnings, w => w.ItemId == "1.1" && w.Code == "few-working-days-left");
    }

    [Fact]
    public void Today_comes_from_the_time_provider_in_China_time()
    {
        // 2022-07-31 17:00 UTC is already 2022-08-01 in China: the 7月底 deadline has passed.
        var time = new FakeTimeProvider(new DateTimeOffset(2022, 7, 31, 17, 0, 0, TimeSpan.Zero));

        var result = Validator.Validate(Parent, Changes(Parent, new TightenDeadline("1.1", Date(7, 31))), time);

        Assert.Equal("deadline-passed", Assert.Single(result.Warnings, w => w.ItemId == "1.1").Code);
    }

    [Fact]
    public void Deadlines_taken_over_from_the_parent_are_checked_too_and_say_so()
    {
        var result = Validator.Validate(Parent, PlanLocalization.AdoptAsIs(Parent), Date(9, 5));

        Assert.True(result.IsValid);
        var warning = Assert.Single(result.Warnings, w => w.ItemId == "2.1");
        Assert.Equal("事项2.1：期限2022-08-31已过（今天是2022-09-05）（沿用上级期限）", warning.Message);
        Assert.Equal(["2.1", "2.2"], result.Warnings.Select(w => w.ItemId));
    }

    [Fact]
    public void Changes_made_against_an_older_parent_version_are_rejected()
    {
        var result = Validator.Validate(Parent with { Version = 2 }, PlanLocalization.AdoptAsIs(Parent), Spring);

        Assert.Equal("stale-parent-version", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void A_local_items_deadline_is_checked_for_time_left()
    {
        var result = Validator.Validate(Parent, Changes(Parent,
            new AddItem("L1", "1.2", "本级事项", "正文", [new Deadline("2月底前", DeadlineKind.By, Date(2, 28))], ["市卫健局"])), Spring);

        Assert.Equal("deadline-passed", Assert.Single(result.Warnings).Code);
    }

    [Fact]
    public void A_change_without_an_item_id_is_an_error_not_a_crash()
    {
        var result = Validate(new SetUnits(null!, ["市司法局"]));

        Assert.Equal("missing-item-id", Assert.Single(result.Errors).Code);
    }
}
