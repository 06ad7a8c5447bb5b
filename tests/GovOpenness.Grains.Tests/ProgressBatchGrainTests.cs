using GovOpenness.Abstractions;
using GovOpenness.Domain.Progress;

namespace GovOpenness.Grains.Tests;

/// <summary><see cref="IProgressGrain.RecordProgressBatchAsync"/> through the cluster: the whole batch or nothing, and the roll-up counts each step.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ProgressBatchGrainTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task A_batch_counts_each_step_in_the_roll_up_and_a_batch_with_an_unknown_item_changes_nothing()
    {
        var (root, a, _, a1) = await TestPlans.DepartmentTreeAsync(_grains);
        await _grains.GetGrain<IBodyGrain>(root).PublishPlanAsync(TestPlans.ThreeItems(2022));
        await _grains.GetGrain<IBodyDiagnosticsGrain>(root).WaitForDeliveryAsync(2022);
        var grain = ProgressProbe.Grain(_grains, a1);

        var refused = await grain.RecordProgressBatchAsync(
            [new(2022, "1.1", ProgressStep.Acknowledged), new(2022, "3.7", ProgressStep.Acknowledged)], null);
        var applied = await grain.RecordProgressBatchAsync(
            [.. new[] { "1.1", "1.2", "2.1" }.Select(item => new ProgressUpdate(2022, item, ProgressStep.Acknowledged, RequestId: $"ack-{item}"))], null);
        await ProgressProbe.FlushAsync(_grains, a1, a);

        Assert.Equal(FailureKind.Invalid, refused.Failure);
        Assert.Contains("第2条（事项“3.7”）", refused.Error);
        Assert.True(applied.Succeeded, applied.Error);
        Assert.Equal(3, applied.Value!.Count(o => o.IsApplied));
        var own = await _grains.GetGrain<IBodyProgressReaderGrain>(IProgressGrain.Key(a1, 2022)).GetOwnProgressAsync();
        Assert.All(new[] { "1.1", "1.2", "2.1" }, item => Assert.Equal(ItemStatus.Acknowledged, own.ProgressOf(item).Status));
        Assert.Equal(3, ProgressProbe.Figure(await ProgressProbe.CountsAsync(_grains, root), "itemsAcknowledged"));
    }

    [Fact]
    public async Task A_batch_for_an_unknown_body_is_not_found()
    {
        var result = await ProgressProbe.Grain(_grains, "11.nobody").RecordProgressBatchAsync([new(2022, "1.1", ProgressStep.Acknowledged)], null);

        Assert.Equal(FailureKind.NotFound, result.Failure);
        Assert.Contains("11.nobody", result.Error);
    }
}
