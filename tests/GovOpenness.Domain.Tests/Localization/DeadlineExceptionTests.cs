using System.Collections.Immutable;
using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Tests.Localization;

public sealed class DeadlineExceptionTests
{
    [Fact]
    public void An_exception_needs_a_reason_and_a_reason_needs_an_exception()
    {
        Assert.Contains("理由", DeadlineException.Problem(new TightenDeadline("2.1", new DateOnly(2022, 12, 31), ApprovedException: true), "  "));
        Assert.Null(DeadlineException.Problem(new TightenDeadline("2.1", new DateOnly(2022, 12, 31), ApprovedException: true), "经市政府批准"));
        Assert.Contains("只有申请例外", DeadlineException.Problem(new TightenDeadline("2.1", new DateOnly(2022, 7, 31)), "无需理由"));
        Assert.Null(DeadlineException.Problem(new TightenDeadline("2.1", new DateOnly(2022, 7, 31)), null));
    }

    [Fact]
    public void Each_dated_parent_deadline_comes_with_the_working_days_left_on_chinas_calendar()
    {
        // 2022-09-30 (Friday) → 2022-10-10 (Monday): the National Day week is off, Saturday 10-08 and Sunday 10-09 are worked (调休).
        var item = new PlanItem("1", ["一"], "公开预算", "公开预算", [new Deadline("10月10日前", DeadlineKind.By, new DateOnly(2022, 10, 10)), new Deadline("持续推进", DeadlineKind.Ongoing)], ["财政厅"], 1);
        var plan = new PublishedPlan("14", 2022, 1, "测试", null, null, ImmutableArray.Create(item));

        var span = Assert.Single(DeadlineException.Spans(plan, WorkingDayCalendar.China, new DateOnly(2022, 9, 30)));

        Assert.Equal(("1", 0, new DateOnly(2022, 10, 10)), (span.ItemId, span.DeadlineIndex, span.ParentDate));
        Assert.Equal(3, span.WorkingDaysLeft);
    }
}
