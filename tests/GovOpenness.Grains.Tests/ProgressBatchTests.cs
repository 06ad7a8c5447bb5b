using GovOpenness.Abstractions;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Progress;
using GovOpenness.Grains.Pipeline;
using GovOpenness.Grains.Storage.Audit;

namespace GovOpenness.Grains.Tests;

/// <summary>
/// Several steps of one body in one durable write (<see cref="OwnProgress.RecordBatchAsync"/>, behind
/// <see cref="IProgressGrain.RecordProgressBatchAsync"/>) on a real journal: one write for the batch, all or
/// nothing, each step validated and deduplicated as a single step would be.
/// </summary>
public sealed class ProgressBatchTests : IAsyncLifetime
{
    private OwnProgressFixture _fixture = null!;

    public async Task InitializeAsync() => _fixture = await OwnProgressFixture.StartAsync();

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task A_batch_is_stored_in_one_write_and_its_retry_with_the_same_request_ids_changes_nothing()
    {
        var own = await OwnAsync();
        ProgressUpdate[] batch =
        [
            new(2022, "1.1", ProgressStep.Acknowledged, RequestId: "ack-1.1"),
            new(2022, "1.2", ProgressStep.Acknowledged, RequestId: "ack-1.2"),
            new(2022, "1.1", ProgressStep.InProgress, Percent: 40, RequestId: "run-1.1"),
        ];

        var first = await own.RecordBatchAsync(batch, null);

        Assert.True(first.Succeeded, first.Error);
        Assert.Equal([ProgressOutcomeKind.Applied, ProgressOutcomeKind.Applied, ProgressOutcomeKind.Applied], first.Value!.Select(o => o.Kind));
        Assert.Equal(1, _fixture.Record.Version);
        var stored = LocalizationJson.Deserialize<BodyProgress>((await _fixture.Record.LoadStoredAsync())!.Value.Payload);
        Assert.Equal((ItemStatus.InProgress, 40), (stored.ProgressOf("1.1").Status, stored.ProgressOf("1.1").Percent));
        Assert.Equal(ItemStatus.Acknowledged, stored.ProgressOf("1.2").Status);
        Assert.Equal((await _fixture.Record.LoadStoredAsync())!.Value.Payload, ProgressRecordJson.Serialize(own.Progress));
        Assert.Equal(own.Progress with { Targets = [] }, stored);

        // A client that lost the answer sends the batch again: every step is a duplicate, nothing is written.
        var retry = await own.RecordBatchAsync(batch, null);

        Assert.True(retry.Succeeded, retry.Error);
        Assert.All(retry.Value!, o => Assert.Equal(ProgressOutcomeKind.Duplicate, o.Kind));
        Assert.Equal(1, _fixture.Record.Version);
        Assert.Equal((await _fixture.Record.LoadStoredAsync())!.Value.Payload, ProgressRecordJson.Serialize(own.Progress));
    }

    [Fact]
    public async Task A_bad_step_anywhere_in_a_batch_refuses_the_whole_batch_naming_the_step_and_its_item_and_changes_nothing()
    {
        var own = await OwnAsync();
        Assert.True((await own.RecordBatchAsync([new(2022, "1.1", ProgressStep.Acknowledged)], null)).Succeeded);
        var before = own.Progress;
        var version = _fixture.Record.Version;

        var unknownItem = await own.RecordBatchAsync(
            [new(2022, "1.2", ProgressStep.Acknowledged), new(2022, "9.9", ProgressStep.Acknowledged)], null);
        var badPercent = await own.RecordBatchAsync(
            [new(2022, "1.2", ProgressStep.Acknowledged), new(2022, "1.1", ProgressStep.InProgress, Percent: 140)], null);

        Assert.Equal(FailureKind.Invalid, unknownItem.Failure);
        Assert.Contains("第2条", unknownItem.Error);
        Assert.Contains("9.9", unknownItem.Error);
        Assert.Contains("整批未记录", unknownItem.Error);
        Assert.Equal(FailureKind.Invalid, badPercent.Failure);
        Assert.Contains("第2条（事项“1.1”）", badPercent.Error);
        Assert.Same(before, own.Progress);
        Assert.Equal(ItemStatus.Pending, own.Progress.ProgressOf("1.2").Status);
        Assert.Equal(version, _fixture.Record.Version);
        Assert.Equal(version, (await _fixture.Record.LoadStoredAsync())!.Value.Version);
    }

    [Fact]
    public async Task Each_applied_step_of_a_batch_keeps_its_own_record_committed_with_the_write_and_a_refused_batch_none()
    {
        var own = await OwnAsync();
        ActContext.Set("reporter141181", "req-1", "127.0.0.1");
        try
        {
            var refused = await own.RecordBatchAsync([new(2022, "1.1", ProgressStep.Acknowledged), new(2022, "9.9", ProgressStep.Acknowledged)], null);
            var applied = await own.RecordBatchAsync(
            [
                new(2022, "1.1", ProgressStep.Acknowledged, RequestId: "ack-1.1"),
                new(2022, "1.1", ProgressStep.Acknowledged, RequestId: "ack-1.1-again"),
                new(2022, "1.1", ProgressStep.InProgress, Percent: 40, RequestId: "run-1.1"),
            ], null);

            Assert.False(refused.Succeeded);
            Assert.True(applied.Succeeded, applied.Error);
        }
        finally
        {
            ActContext.Clear();
        }

        // The unchanged second step (acknowledged twice) has no record, as a single step would not.
        Assert.Equal(
            [("2022年 1.1：未签收 → 已签收", "ack-1.1"), ("2022年 1.1：已签收 → 办理中 40%", "run-1.1")],
            _fixture.Journal.AuditRecords());
        Assert.Equal(1, _fixture.Record.Version);
    }

    [Fact]
    public async Task An_empty_or_oversized_batch_is_refused_in_chinese()
    {
        var own = await OwnAsync();

        var empty = await own.RecordBatchAsync([], null);
        var oversized = await own.RecordBatchAsync([.. Enumerable.Repeat(new ProgressUpdate(2022, "1.1", ProgressStep.Acknowledged), ProgressBatch.MaxSteps + 1)], null);

        Assert.Equal(FailureKind.Invalid, empty.Failure);
        Assert.Contains("批量进度为空", empty.Error);
        Assert.Equal(FailureKind.Invalid, oversized.Failure);
        Assert.Contains($"超过上限{ProgressBatch.MaxSteps}条", oversized.Error);
        Assert.Equal(0, _fixture.Record.Version);
    }

    /// <summary>孝义市's record with a two-item plan read and its figures set, as an activation has it.</summary>
    private async Task<OwnProgress> OwnAsync()
    {
        _fixture.Plan = OwnProgressFixture.PlanOf("s1",
            ("1.1", "公开重大建设项目批准和实施信息", new DateOnly(2022, 11, 30), "发展改革委"),
            ("1.2", "公开行政执法事前信息", new DateOnly(2022, 9, 30), "司法厅"));
        var own = _fixture.Own();
        await own.ReadPlanAsync();
        own.SetFigures();
        return own;
    }
}
