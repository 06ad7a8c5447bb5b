using GovOpenness.Domain.Progress;
using static GovOpenness.Domain.Tests.Progress.ProgressTestData;

namespace GovOpenness.Domain.Tests.Progress;

public class BodyProgressTests
{
    private static readonly DateOnly Today = Day(6, 1);

    private static BodyProgress County() => new("141181", Year, "1411")
    {
        Targets = [new ItemTarget("2.1", Day(7, 31)), new ItemTarget("2.3", Day(11, 30))],
    };

    [Fact]
    public void An_unknown_item_is_rejected_naming_body_year_and_item()
    {
        var result = County().Apply(Step(ProgressStep.Acknowledged, "9.9"), Today);

        Assert.True(result.Outcome.IsRejected);
        Assert.Contains("141181", result.Outcome.Message);
        Assert.Contains("2022", result.Outcome.Message);
        Assert.Contains("9.9", result.Outcome.Message);
    }

    [Fact]
    public void An_update_for_another_year_is_rejected()
    {
        var result = County().Apply(Step(ProgressStep.Acknowledged) with { Year = 2021 }, Today);

        Assert.True(result.Outcome.IsRejected);
        Assert.Contains("2021", result.Outcome.Message);
    }

    [Fact]
    public void Review_steps_default_to_the_parent_as_actor()
    {
        var body = County();
        foreach (var step in new[] { ProgressStep.Acknowledged, ProgressStep.Reported, ProgressStep.Accepted })
        {
            var result = body.Apply(Step(step), Today);
            Assert.True(result.Outcome.IsApplied, result.Outcome.Message);
            body = result.Body;
        }

        Assert.Equal(ItemStatus.Closed, body.ProgressOf("2.3").Status);
        Assert.Equal(ItemStatus.Pending, body.ProgressOf("2.1").Status);
    }

    [Fact]
    public void An_actor_named_by_the_caller_overrides_the_default()
    {
        var body = County().Apply(Step(ProgressStep.Acknowledged), Today).Body;
        body = body.Apply(Step(ProgressStep.Reported), Today).Body;

        var result = body.Apply(Step(ProgressStep.Accepted), Today, actorBodyId: "141181");

        Assert.True(result.Outcome.IsRejected);
        Assert.Same(body, result.Body);
    }

    [Fact]
    public void A_new_plan_version_keeps_progress_of_items_still_in_it()
    {
        var body = County().Apply(Step(ProgressStep.Acknowledged, "2.1"), Today).Body.Apply(Step(ProgressStep.Acknowledged, "2.3"), Today).Body;

        var next = body.WithTargets([new ItemTarget("2.3", Day(7, 31)), new ItemTarget("3.1", Day(9, 30))]);

        Assert.Equal(ItemStatus.Acknowledged, next.ProgressOf("2.3").Status);
        Assert.Equal(new[] { "2.3" }, next.Items.Select(i => i.ItemId));
        Assert.Equal(Day(7, 31), next.TargetOf("2.3")!.Deadline);
    }
}
