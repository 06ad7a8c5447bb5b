using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Desk;
using GovOpenness.Domain.Plans;
using GovOpenness.Domain.Progress;

namespace GovOpenness.Domain.Tests.Desk;

/// <summary>回头看 between two days: the plan on each day compared, and each item's progress on each day.</summary>
public class LookBackTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.China;

    private static PlanItem Chapter => new("1", ["一"], "一、重点领域信息公开", "", [], [], 1);

    private static PlanItem Task(string id, string heading, DateOnly? due, params string[] units) =>
        new(id, ["一", id], heading, heading + "，按要求公开。", due is { } d ? [new Deadline($"{d.Month}月底前", DeadlineKind.By, d)] : [new Deadline("持续推进", DeadlineKind.Ongoing)], units, 2);

    private static PlanDocument Plan(int year, params PlanItem[] items) => new($"{year}年政务公开工作要点", null, null, null, year, [Chapter, .. items], []);

    private static BodyProgress Progress(int year, params string[] ids) =>
        new BodyProgress("141181", year, "1411").WithTargets([new ItemTarget("1", null), .. ids.Select(id => new ItemTarget(id, new DateOnly(year, 7, 31)))]);

    [Fact]
    public void Two_days_of_one_year_show_the_plans_edits_and_each_items_step_on_each_day()
    {
        var before = Plan(2022, Task("1.1", "做好重大建设项目信息公开", new DateOnly(2022, 11, 30), "市发改局"), Task("1.2", "做好市场监管信息公开", null, "市市场监管局"), Task("1.3", "做好疫情防控信息公开", null));
        var after = Plan(2022, Task("1.1", "做好重大建设项目信息公开", new DateOnly(2022, 7, 31), "市发改局"), Task("1.2", "做好市场监管信息公开", null, "市市场监管局", "各乡镇"), Task("1.4", "做好乡村振兴信息公开", null));
        var progress = Progress(2022, "1.1", "1.2", "1.4");
        progress = progress.Apply(new ProgressUpdate(2022, "1.1", ProgressStep.Acknowledged, null, null, [], null), new DateOnly(2022, 5, 10)).Body;
        progress = progress.Apply(new ProgressUpdate(2022, "1.1", ProgressStep.Reported, null, "已公开", [], null), new DateOnly(2022, 9, 1)).Body;

        var look = LookBack.Of("141181", new LookBackSide(new DateOnly(2022, 6, 30), before, progress), new LookBackSide(new DateOnly(2022, 12, 31), after, progress), Calendar);

        Assert.Equal((2, 1, 1, 1, 1), (look.Carried, look.Added, look.Dropped, look.DeadlineMoved, look.UnitsChanged));
        var moved = look.Rows.Single(r => r.Now?.ItemId == "1.1");
        Assert.True(moved.DeadlineMoved);
        Assert.Equal("期限提前", moved.Change);
        Assert.Equal(("已签收", "已反馈"), (moved.Then!.Step, moved.Now!.Step));
        Assert.Equal("责任单位调整", look.Rows.Single(r => r.Now?.ItemId == "1.2").Change);
        Assert.Equal("1.3", look.Rows.Single(r => r.Kind == LookBackKind.Dropped).Then!.ItemId);
        Assert.Equal("1.4", look.Rows.Single(r => r.Kind == LookBackKind.Added).Now!.ItemId);
        // The chapter heading is structure: no row, not counted on either side.
        Assert.DoesNotContain(look.Rows, r => (r.Now ?? r.Then)!.ItemId == "1");
        Assert.Equal((3, 3, 0, 1), (look.From.Items, look.To.Items, look.From.Reported, look.To.Reported));
    }

    [Fact]
    public void The_same_month_end_in_the_next_years_plan_is_not_a_moved_deadline()
    {
        var y2021 = Plan(2021, Task("1.1", "做好重大建设项目信息公开", new DateOnly(2021, 7, 31), "市发改局"), Task("1.2", "做好市场监管信息公开", new DateOnly(2021, 11, 30)));
        var y2022 = Plan(2022, Task("1.1", "做好重大建设项目信息公开", new DateOnly(2022, 7, 31), "市发改局"), Task("1.2", "做好市场监管信息公开", new DateOnly(2022, 9, 30)));

        var look = LookBack.Of("141181", new LookBackSide(new DateOnly(2021, 12, 31), y2021, new BodyProgress("141181", 2021, "1411")), new LookBackSide(new DateOnly(2022, 12, 31), y2022, Progress(2022, "1.1", "1.2")), Calendar);

        Assert.Equal((2021, 2022), (look.From.Year, look.To.Year));
        Assert.False(look.Rows.Single(r => r.Now?.ItemId == "1.1").DeadlineMoved);
        var moved = look.Rows.Single(r => r.Now?.ItemId == "1.2");
        Assert.True(moved.DeadlineMoved);
        Assert.Equal("期限提前", moved.Change);
        // Neither year's items were touched: both sides overdue on their year's end (2021's record never got its
        // targets, so the plan's own due dates judge it).
        Assert.Equal((2, 2), (look.From.Overdue, look.To.Overdue));
    }
}
