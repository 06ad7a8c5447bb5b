using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Progress;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Progress;
using GovOpenness.Grains.Pipeline;

namespace GovOpenness.Grains.Tests;

/// <summary>
/// A body's own progress record (<see cref="OwnProgress"/>) on a real journal, with the grain's calls
/// answered here: what is journaled before it is held, which calls are made and how often, and the
/// figures it puts into the roll-up.
/// </summary>
public sealed class OwnProgressTests : IAsyncLifetime
{
    private const string Body = OwnProgressFixture.Body;
    private const string Key = OwnProgressFixture.Key;
    private OwnProgressFixture _fixture = null!;

    public async Task InitializeAsync() => _fixture = await OwnProgressFixture.StartAsync();

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task A_plan_unknown_at_activation_is_asked_for_on_each_read_until_known_and_then_never_again()
    {
        var own = _fixture.Own();
        await own.ReadPlanAsync();
        await own.EnsurePlanKnownAsync();
        Assert.Equal(2, _fixture.PlanCalls);
        Assert.Empty(own.Progress.Targets);

        _fixture.Plan = OwnProgressFixture.PlanDue(new DateOnly(2022, 11, 30));
        await own.EnsurePlanKnownAsync();
        await own.EnsurePlanKnownAsync();

        Assert.Equal(3, _fixture.PlanCalls);
        Assert.Equal(new DateOnly(2022, 11, 30), Assert.Single(own.Progress.Targets).Deadline);
        Assert.Equal((1, 1), (_fixture.Owed, _fixture.Changed));
        Assert.Equal(0, _fixture.Record.Version);
    }

    [Fact]
    public async Task A_step_that_changes_no_figure_a_note_is_journaled_but_owes_the_parent_nothing_and_pushes_nothing()
    {
        _fixture.Plan = OwnProgressFixture.PlanDue(new DateOnly(2022, 11, 30));
        var own = _fixture.Own();
        await own.ReadPlanAsync();
        own.SetFigures();
        Assert.True((await own.RecordAsync(new ProgressUpdate(2022, "1.1", ProgressStep.Acknowledged), null)).Succeeded);
        Assert.True((await own.RecordAsync(new ProgressUpdate(2022, "1.1", ProgressStep.InProgress, Percent: 10), null)).Succeeded);
        var (owed, changed, version, figures) = (_fixture.Owed, _fixture.Changed, _fixture.Rollup.Version, _fixture.Rollup.Own);

        // Only the note moves: stored and held, the roll-up's figures as they were.
        var applied = await own.RecordAsync(new ProgressUpdate(2022, "1.1", ProgressStep.InProgress, Note: "已完成初稿"), null);

        Assert.True(applied.Succeeded, applied.Error);
        Assert.Equal(("已完成初稿", 10), (own.Progress.ProgressOf("1.1").Note, own.Progress.ProgressOf("1.1").Percent));
        Assert.Equal("已完成初稿", LocalizationJson.Deserialize<BodyProgress>((await _fixture.Record.LoadStoredAsync())!.Value.Payload).ProgressOf("1.1").Note);
        Assert.Equal(figures, _fixture.Rollup.Own);
        Assert.Equal(ProgressFigures.ForBody(own.Progress, new DateOnly(2022, 10, 14), Domain.Calendar.WorkingDayCalendar.China), _fixture.Rollup.Own);
        Assert.Equal((owed, changed, version), (_fixture.Owed, _fixture.Changed, _fixture.Rollup.Version));

        // A step that moves a figure (reported: done) owes a delta and a push again.
        Assert.True((await own.RecordAsync(new ProgressUpdate(2022, "1.1", ProgressStep.Reported, Evidence: ["https://example.gov.cn/1.1"]), null)).Succeeded);
        Assert.Equal((owed + 1, changed + 1), (_fixture.Owed, _fixture.Changed));
        Assert.True(_fixture.Rollup.Version > version);
    }

    [Fact]
    public async Task A_step_is_held_once_the_journal_stored_it_without_its_targets_and_a_stale_write_changes_nothing()
    {
        _fixture.Plan = OwnProgressFixture.PlanDue(new DateOnly(2022, 11, 30));
        var own = _fixture.Own();
        await own.ReadPlanAsync();
        own.SetFigures();

        var applied = await own.RecordAsync(new ProgressUpdate(2022, "1.1", ProgressStep.Acknowledged), null);

        Assert.True(applied.Succeeded, applied.Error);
        Assert.Equal(ItemStatus.Acknowledged, own.Progress.ProgressOf("1.1").Status);
        var stored = LocalizationJson.Deserialize<BodyProgress>((await _fixture.Record.LoadStoredAsync())!.Value.Payload);
        Assert.Equal(ItemStatus.Acknowledged, stored.ProgressOf("1.1").Status);
        Assert.Empty(stored.Targets);
        Assert.Equal(ProgressFigures.ForBody(own.Progress, new DateOnly(2022, 10, 14), Domain.Calendar.WorkingDayCalendar.China), _fixture.Rollup.Own);
        Assert.Equal((2, 1), (_fixture.Owed, _fixture.Changed));

        // Another activation wrote since: refused, held as before, and this one leaves.
        await (await _fixture.Journal.LoadedAsync(Key)).WriteAsync(LocalizationJson.Serialize(stored));
        var refused = await own.RecordAsync(new ProgressUpdate(2022, "1.1", ProgressStep.InProgress, Percent: 40), null);

        Assert.Equal(FailureKind.Unavailable, refused.Failure);
        Assert.Equal(ItemStatus.Acknowledged, own.Progress.ProgressOf("1.1").Status);
        Assert.Equal(1, _fixture.Left);
        Assert.Equal((2, 1), (_fixture.Owed, _fixture.Changed));
    }

    [Fact]
    public async Task A_receipt_noted_at_the_parent_is_adopted_once_with_the_parents_issue_day_and_not_journaled_here()
    {
        _fixture.ReceiptAtParent = new ChildReceipt(Body, new DateOnly(2022, 5, 10), new DateOnly(2022, 5, 6));
        var own = _fixture.Own();

        await own.AdoptReceiptAsync();
        await own.AdoptReceiptAsync();

        Assert.Equal(1, _fixture.ReceiptCalls);
        Assert.Equal(new PlanMilestones(ParentIssuedOn: new DateOnly(2022, 5, 6), ReceivedOn: new DateOnly(2022, 5, 10)), own.Progress.Milestones);
        Assert.Equal(new DateOnly(2022, 5, 10), own.IssuedOn);
        Assert.Equal((1, 1), (_fixture.Owed, _fixture.Changed));
        Assert.Equal(0, _fixture.Record.Version);
    }

    [Fact]
    public async Task A_body_without_a_parent_asks_no_receipt()
    {
        _fixture.ReceiptAtParent = new ChildReceipt(Body, new DateOnly(2022, 5, 10));
        var own = _fixture.Own(parentId: null);

        await own.AdoptReceiptAsync();

        Assert.Equal(0, _fixture.ReceiptCalls);
        Assert.Null(own.Progress.Milestones.ReceivedOn);
    }

    [Fact]
    public async Task Milestones_keep_their_earliest_day_are_journaled_and_a_receipt_counts_from_the_parents_issue()
    {
        _fixture.Plan = OwnProgressFixture.PlanDue(new DateOnly(2022, 11, 30));
        var own = _fixture.Own();
        await own.ReadPlanAsync();

        // The parent cannot say yet: the plan was issued by the receipt at the latest.
        await own.NoteMilestoneAsync(PlanMilestoneKind.Received, new DateOnly(2022, 5, 10));
        Assert.Equal(new PlanMilestones(ParentIssuedOn: new DateOnly(2022, 5, 10), ReceivedOn: new DateOnly(2022, 5, 10)), own.Progress.Milestones);
        Assert.Equal(1, _fixture.Record.Version);

        // A repeat, later: nothing changes and nothing is written.
        await own.NoteMilestoneAsync(PlanMilestoneKind.Received, new DateOnly(2022, 5, 12));
        Assert.Equal(1, _fixture.Record.Version);

        await own.NoteMilestoneAsync(PlanMilestoneKind.Published, new DateOnly(2022, 5, 20));
        Assert.Equal(new DateOnly(2022, 5, 20), own.IssuedOn);
        Assert.Equal(2, _fixture.Record.Version);
        Assert.Equal(new DateOnly(2022, 5, 20), LocalizationJson.Deserialize<BodyProgress>((await _fixture.Record.LoadStoredAsync())!.Value.Payload).Milestones.PublishedOn);
    }

    [Fact]
    public async Task A_receipt_counts_from_the_day_the_parent_says_it_issued_the_plan()
    {
        _fixture.ParentIssuedOn = new DateOnly(2022, 5, 6);
        var own = _fixture.Own();

        await own.NoteMilestoneAsync(PlanMilestoneKind.Received, new DateOnly(2022, 5, 10));

        Assert.Equal(new PlanMilestones(ParentIssuedOn: new DateOnly(2022, 5, 6), ReceivedOn: new DateOnly(2022, 5, 10)), own.Progress.Milestones);
    }

    [Fact]
    public async Task A_localization_reads_the_targets_again_once_the_plan_is_known()
    {
        _fixture.Plan = OwnProgressFixture.PlanDue(new DateOnly(2022, 11, 30));
        var own = _fixture.Own();
        await own.ReadPlanAsync();

        // 孝义市 moved the province's 11月底 to 7月底.
        _fixture.Plan = OwnProgressFixture.PlanDue(new DateOnly(2022, 7, 31));
        await own.NoteMilestoneAsync(PlanMilestoneKind.Published, new DateOnly(2022, 6, 1));
        Assert.Equal(new DateOnly(2022, 11, 30), Assert.Single(own.Progress.Targets).Deadline);
        await own.NoteMilestoneAsync(PlanMilestoneKind.Localized, new DateOnly(2022, 6, 1));

        Assert.Equal(new DateOnly(2022, 7, 31), Assert.Single(own.Progress.Targets).Deadline);
        Assert.Equal(new DateOnly(2022, 6, 1), own.Progress.Milestones.LocalizedOn);
    }

    [Fact]
    public void The_own_figures_are_due_again_on_a_new_day_in_China()
    {
        var own = _fixture.Own();
        own.SetFigures();
        Assert.False(own.DayChanged);

        // 23:59 in China: still the same day.
        _fixture.Clock.Advance(TimeSpan.FromHours(13) + TimeSpan.FromMinutes(59));
        Assert.False(own.DayChanged);
        _fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(own.DayChanged);

        own.SetFigures();
        Assert.False(own.DayChanged);
    }
}
