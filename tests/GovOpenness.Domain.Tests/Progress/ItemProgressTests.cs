using GovOpenness.Domain.Progress;
using static GovOpenness.Domain.Tests.Progress.ProgressTestData;

namespace GovOpenness.Domain.Tests.Progress;

public class ItemProgressTests
{
    private static readonly DateOnly Today = Day(6, 1);

    [Fact]
    public void The_full_path_ends_closed_with_its_dates()
    {
        var item = Through(Today, ProgressStep.Acknowledged, ProgressStep.InProgress, ProgressStep.Reported, ProgressStep.Accepted);

        Assert.Equal(ItemStatus.Closed, item.Status);
        Assert.Equal((Today, Today, Today), (item.AcknowledgedOn!.Value, item.ReportedOn!.Value, item.ClosedOn!.Value));
        Assert.Equal(100, item.Percent);
        Assert.Equal(new[] { "https://example.gov.cn/a" }, item.Evidence);
        Assert.Equal(4, item.Version);
    }

    [Fact]
    public void Once_acknowledged_a_body_may_report_without_an_in_progress_step()
    {
        var item = Through(Today, ProgressStep.Acknowledged, ProgressStep.Reported);

        Assert.Equal(ItemStatus.Reported, item.Status);
    }

    [Theory]
    [InlineData(ProgressStep.InProgress, "办理")]
    [InlineData(ProgressStep.Reported, "反馈")]
    public void Nothing_but_acknowledging_comes_first_and_the_message_names_item_and_both_steps(ProgressStep step, string stepName)
    {
        var outcome = new ItemProgress("2.3").Apply(Step(step), AsBody(Today));

        Assert.True(outcome.IsRejected);
        Assert.Contains("2.3", outcome.Message);
        Assert.Contains("未签收", outcome.Message);
        Assert.Contains(stepName, outcome.Message);
        Assert.Equal(ItemStatus.Pending, outcome.Item.Status);
    }

    [Theory]
    [InlineData(ProgressStep.Acknowledged)]
    [InlineData(ProgressStep.InProgress)]
    public void A_reported_item_cannot_go_back_by_the_body_itself(ProgressStep step)
    {
        var reported = Through(Today, ProgressStep.Acknowledged, ProgressStep.Reported);

        var outcome = reported.Apply(Step(step), AsBody(Today));

        Assert.True(outcome.IsRejected);
        Assert.Contains("已反馈", outcome.Message);
        Assert.Contains(ProgressNames.Of(step), outcome.Message);
    }

    [Fact]
    public void Only_the_parent_reviews()
    {
        var reported = Through(Today, ProgressStep.Acknowledged, ProgressStep.Reported);

        var bySelf = reported.Apply(Step(ProgressStep.Accepted), AsBody(Today));
        var byStranger = reported.Apply(Step(ProgressStep.Accepted), new ProgressContext("141181", "1411", "14", Today));

        Assert.True(bySelf.IsRejected);
        Assert.True(byStranger.IsRejected);
        Assert.Contains("1411", byStranger.Message);
    }

    [Fact]
    public void A_root_body_has_nobody_to_review_it()
    {
        var item = new ItemProgress("1.1");
        var context = new ProgressContext("cn", null, "cn", Today);
        foreach (var step in new[] { ProgressStep.Acknowledged, ProgressStep.Reported })
        {
            item = item.Apply(Step(step, "1.1"), context).Item;
        }

        var outcome = item.Apply(Step(ProgressStep.Accepted, "1.1"), context);

        Assert.True(outcome.IsRejected);
        Assert.Contains("没有上级", outcome.Message);
    }

    [Fact]
    public void Only_a_reported_item_can_be_reviewed()
    {
        var inProgress = Through(Today, ProgressStep.Acknowledged, ProgressStep.InProgress);

        var outcome = inProgress.Apply(Step(ProgressStep.Accepted), AsParent(Today));

        Assert.True(outcome.IsRejected);
        Assert.Contains("办理中", outcome.Message);
    }

    [Fact]
    public void A_return_needs_a_reason_and_puts_the_item_back_in_progress_until_reported_again()
    {
        var reported = Through(Today, ProgressStep.Acknowledged, ProgressStep.Reported);

        var withoutReason = reported.Apply(Step(ProgressStep.Returned), AsParent(Today));
        var returned = reported.Apply(Step(ProgressStep.Returned, note: "缺少印证资料"), AsParent(Today)).Item;
        var reportedAgain = returned.Apply(Step(ProgressStep.Reported, evidence: ["https://example.gov.cn/b"]), AsBody(Today.AddDays(3))).Item;

        Assert.True(withoutReason.IsRejected);
        Assert.Equal((ItemStatus.InProgress, "缺少印证资料", 1, true), (returned.Status, returned.ReturnReason, returned.ReturnCount, returned.IsReturned));
        Assert.Equal((ItemStatus.Reported, null, 1), (reportedAgain.Status, reportedAgain.ReturnReason, reportedAgain.ReturnCount));
        Assert.Equal(Today.AddDays(3), reportedAgain.ReportedOn);
    }

    [Fact]
    public void A_closed_item_accepts_nothing_more()
    {
        var closed = Through(Today, ProgressStep.Acknowledged, ProgressStep.Reported, ProgressStep.Accepted);

        Assert.All(Enum.GetValues<ProgressStep>(), step =>
        {
            var outcome = closed.Apply(Step(step, note: "x"), step is ProgressStep.Accepted or ProgressStep.Returned ? AsParent(Today) : AsBody(Today));
            Assert.True(outcome.IsRejected, step.ToString());
        });
    }

    [Fact]
    public void A_retried_request_is_applied_once()
    {
        var item = Through(Today, ProgressStep.Acknowledged);
        var update = Step(ProgressStep.InProgress, percent: 40, requestId: "r-1");

        var first = item.Apply(update, AsBody(Today)).Item;
        var intervening = first.Apply(Step(ProgressStep.InProgress, percent: 60, requestId: "r-2"), AsBody(Today)).Item;
        var retry = intervening.Apply(update, AsBody(Today));

        Assert.Equal(ProgressOutcomeKind.Duplicate, retry.Kind);
        Assert.Equal(60, retry.Item.Percent);
        Assert.Same(intervening, retry.Item);
    }

    [Fact]
    public void The_item_forgets_old_request_ids_beyond_its_window()
    {
        var item = Through(Today, ProgressStep.Acknowledged);
        for (var i = 0; i <= ItemProgress.RememberedRequests; i++)
        {
            item = item.Apply(Step(ProgressStep.InProgress, percent: i, requestId: $"r-{i}"), AsBody(Today)).Item;
        }

        Assert.Equal(ItemProgress.RememberedRequests, item.RecentRequestIds.Length);
        Assert.Null(RequestMemory.Find(item.RecentRequestIds, "r-0", RequestMemory.Fingerprint(Step(ProgressStep.InProgress, percent: 0, requestId: "r-0"))));
        var last = ItemProgress.RememberedRequests;
        Assert.Equal(ProgressOutcomeKind.Duplicate, item.Apply(Step(ProgressStep.InProgress, percent: last, requestId: $"r-{last}"), AsBody(Today)).Kind);
    }

    [Fact]
    public void The_same_request_id_with_another_content_is_refused()
    {
        var item = Through(Today, ProgressStep.Acknowledged)
            .Apply(Step(ProgressStep.InProgress, percent: 40, requestId: "r-1"), AsBody(Today)).Item;

        var reused = item.Apply(Step(ProgressStep.InProgress, percent: 90, requestId: "r-1"), AsBody(Today));

        Assert.True(reused.IsRejected);
        Assert.Contains("r-1", reused.Message);
        Assert.Equal(40, reused.Item.Percent);
    }

    [Fact]
    public void A_request_id_is_remembered_through_the_next_day_and_forgotten_after()
    {
        var retry = Step(ProgressStep.InProgress, percent: 40, requestId: "r-1");
        var item = Through(Today, ProgressStep.Acknowledged).Apply(retry, AsBody(Today)).Item;

        var nextDay = item.Apply(Step(ProgressStep.InProgress, percent: 50, requestId: "r-2"), AsBody(Today.AddDays(1))).Item;
        Assert.Equal(ProgressOutcomeKind.Duplicate, nextDay.Apply(retry, AsBody(Today.AddDays(1))).Kind);

        var later = nextDay.Apply(Step(ProgressStep.InProgress, percent: 60, requestId: "r-3"), AsBody(Today.AddDays(3))).Item;
        Assert.Null(RequestMemory.Find(later.RecentRequestIds, "r-1", RequestMemory.Fingerprint(retry)));
    }

    [Fact]
    public void Acknowledging_twice_changes_nothing()
    {
        var item = Through(Today, ProgressStep.Acknowledged);

        var again = item.Apply(Step(ProgressStep.Acknowledged), AsBody(Today.AddDays(1)));

        Assert.Equal(ProgressOutcomeKind.Unchanged, again.Kind);
        Assert.Equal(Today, again.Item.AcknowledgedOn);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void A_percentage_outside_0_to_100_is_rejected(int percent)
    {
        var outcome = Through(Today, ProgressStep.Acknowledged).Apply(Step(ProgressStep.InProgress, percent: percent), AsBody(Today));

        Assert.True(outcome.IsRejected);
        Assert.Contains(percent.ToString(System.Globalization.CultureInfo.InvariantCulture), outcome.Message);
    }

    [Fact]
    public void Another_body_cannot_report_for_the_body()
    {
        var outcome = new ItemProgress("2.3").Apply(Step(ProgressStep.Acknowledged), AsParent(Today));

        Assert.True(outcome.IsRejected);
        Assert.Contains("141181", outcome.Message);
    }

    [Fact]
    public void Amending_a_report_keeps_its_date_and_replaces_the_evidence()
    {
        var reported = Through(Today, ProgressStep.Acknowledged, ProgressStep.Reported);

        var amended = reported.Apply(Step(ProgressStep.Reported, evidence: ["https://example.gov.cn/c"]), AsBody(Today.AddDays(5))).Item;

        Assert.Equal(Today, amended.ReportedOn);
        Assert.Equal(new[] { "https://example.gov.cn/c" }, amended.Evidence);
    }
}
