using GovOpenness.Domain.Progress;
using GovOpenness.Grains.Pipeline;

namespace GovOpenness.Grains.Tests;

/// <summary>The wording of a step's record (留痕) as users read it.</summary>
public sealed class StepRecordTests
{
    private static readonly DateOnly Today = new(2022, 10, 14);

    [Fact]
    public void A_step_reads_as_the_items_status_before_and_after_with_the_percentage_reached()
    {
        var start = new BodyProgress("141181", 2022, "1411").WithTargets([new ItemTarget("5.3", new DateOnly(2022, 11, 30))]);
        var acknowledge = new ProgressUpdate(2022, "5.3", ProgressStep.Acknowledged);
        var acknowledged = start.Apply(acknowledge, Today).Body;
        var work = new ProgressUpdate(2022, "5.3", ProgressStep.InProgress, Percent: 40);
        var working = acknowledged.Apply(work, Today).Body;

        Assert.Equal("2022年 5.3：未签收 → 已签收", StepRecord.Summary(2022, acknowledge, start, acknowledged));
        Assert.Equal("2022年 5.3：已签收 → 办理中 40%", StepRecord.Summary(2022, work, acknowledged, working));
    }
}
