using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Plans;
using GovOpenness.Abstractions.Progress;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Progress;
using GovOpenness.Grains.Hosting;
using GovOpenness.Grains.Pipeline;
using Microsoft.Extensions.Time.Testing;

namespace GovOpenness.Grains.Tests;

/// <summary>
/// A body's own progress record (<see cref="OwnProgress"/>) on a real journal, with the grain's calls
/// answered here: what is journaled before it is held, which calls are made and how often, and the
/// figures it puts into the roll-up.
/// </summary>
public sealed class OwnProgressTests : IAsyncLifetime
{
    private const string Body = "141181";
    private const string Key = "141181/2022";

    // 10:00 in China on 2022-10-14.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2022, 10, 14, 2, 0, 0, TimeSpan.Zero));
    private readonly SubtreeRollup _rollup = new(Body, 2022);
    private JournalOnDisk _journal = null!;
    private VersionedRecord _record = null!;
    private EffectivePlan? _plan;
    private ChildReceipt? _receiptAtParent;
    private DateOnly? _parentIssuedOn;
    private int _planCalls;
    private int _receiptCalls;
    private int _owed;
    private int _changed;
    private int _left;

    public async Task InitializeAsync()
    {
        _journal = new JournalOnDisk();
        _record = await _journal.LoadedAsync(Key, () => _left++);
    }

    public async Task DisposeAsync() => await _journal.DisposeAsync();

    [Fact]
    public async Task A_plan_unknown_at_activation_is_asked_for_on_each_read_until_known_and_then_never_again()
    {
        var own = Own();
        await own.ReadPlanAsync();
        await own.EnsurePlanKnownAsync();
        Assert.Equal(2, _planCalls);
        Assert.Empty(own.Progress.Targets);

        _plan = Plan(new DateOnly(2022, 11, 30));
        await own.EnsurePlanKnownAsync();
        await own.EnsurePlanKnownAsync();

        Assert.Equal(3, _planCalls);
        Assert.Equal(new DateOnly(2022, 11, 30), Assert.Single(own.Progress.Targets).Deadline);
        Assert.Equal((1, 1), (_owed, _changed));
        Assert.Equal(0, _record.Version);
    }

    [Fact]
    public async Task A_step_that_changes_no_figure_a_note_is_journaled_but_owes_the_parent_nothing_and_pushes_nothing()
    {
        _plan = Plan(new DateOnly(2022, 11, 30));
        var own = Own();
        await own.ReadPlanAsync();
        own.SetFigures();
        Assert.True((await own.RecordAsync(new ProgressUpdate(2022, "1.1", ProgressStep.Acknowledged), null)).Succeeded);
        Assert.True((await own.RecordAsync(new ProgressUpdate(2022, "1.1", ProgressStep.InProgress, Percent: 10), null)).Succeeded);
        var (owed, changed, version, figures) = (_owed, _changed, _rollup.Version, _rollup.Own);

        // Only the note moves: stored and held, the roll-up's figures as they were.
        var applied = await own.RecordAsync(new ProgressUpdate(2022, "1.1", ProgressStep.InProgress, Note: "已完成初稿"), null);

        Assert.True(applied.Succeeded, applied.Error);
        Assert.Equal(("已完成初稿", 10), (own.Progress.ProgressOf("1.1").Note, own.Progress.ProgressOf("1.1").Percent));
        Assert.Equal("已完成初稿", LocalizationJson.Deserialize<BodyProgress>((await _record.LoadStoredAsync())!.Value.Payload).ProgressOf("1.1").Note);
        Assert.Equal(figures, _rollup.Own);
        Assert.Equal(ProgressFigures.ForBody(own.Progress, new DateOnly(2022, 10, 14), Domain.Calendar.WorkingDayCalendar.China), _rollup.Own);
        Assert.Equal((owed, changed, version), (_owed, _changed, _rollup.Version));

        // A step that moves a figure (reported: done) owes a delta and a push again.
        Assert.True((await own.RecordAsync(new ProgressUpdate(2022, "1.1", ProgressStep.Reported, Evidence: ["https://example.gov.cn/1.1"]), null)).Succeeded);
        Assert.Equal((owed + 1, changed + 1), (_owed, _changed));
        Assert.True(_rollup.Version > version);
    }

    [Fact]
    public async Task A_step_is_held_once_the_journal_stored_it_without_its_targets_and_a_stale_write_changes_nothing()
    {
        _plan = Plan(new DateOnly(2022, 11, 30));
        var own = Own();
        await own.ReadPlanAsync();
        own.SetFigures();

        var applied = await own.RecordAsync(new ProgressUpdate(2022, "1.1", ProgressStep.Acknowledged), null);

        Assert.True(applied.Succeeded, applied.Error);
        Assert.Equal(ItemStatus.Acknowledged, own.Progress.ProgressOf("1.1").Status);
        var stored = LocalizationJson.Deserialize<BodyProgress>((await _record.LoadStoredAsync())!.Value.Payload);
        Assert.Equal(ItemStatus.Acknowledged, stored.ProgressOf("1.1").Status);
        Assert.Empty(stored.Targets);
        Assert.Equal(ProgressFigures.ForBody(own.Progress, new DateOnly(2022, 10, 14), Domain.Calendar.WorkingDayCalendar.China), _rollup.Own);
        Assert.Equal((2, 1), (_owed, _changed));

        // Another activation wrote since: refused, held as before, and this one leaves.
        await (await _journal.LoadedAsync(Key)).WriteAsync(LocalizationJson.Serialize(stored));
        var refused = await own.RecordAsync(new ProgressUpdate(2022, "1.1", ProgressStep.InProgress, Percent: 40), null);

        Assert.Equal(FailureKind.Unavailable, refused.Failure);
        Assert.Equal(ItemStatus.Acknowledged, own.Progress.ProgressOf("1.1").Status);
        Assert.Equal(1, _left);
        Assert.Equal((2, 1), (_owed, _changed));
    }

    [Fact]
    public async Task A_receipt_noted_at_the_parent_is_adopted_once_with_the_parents_issue_day_and_not_journaled_here()
    {
        _receiptAtParent = new ChildReceipt(Body, new DateOnly(2022, 5, 10), new DateOnly(2022, 5, 6));
        var own = Own();

        await own.AdoptReceiptAsync();
        await own.AdoptReceiptAsync();

        Assert.Equal(1, _receiptCalls);
        Assert.Equal(new PlanMilestones(ParentIssuedOn: new DateOnly(2022, 5, 6), ReceivedOn: new DateOnly(2022, 5, 10)), own.Progress.Milestones);
        Assert.Equal(new DateOnly(2022, 5, 10), own.IssuedOn);
        Assert.Equal((1, 1), (_owed, _changed));
        Assert.Equal(0, _record.Version);
    }

    [Fact]
    public async Task A_body_without_a_parent_asks_no_receipt()
    {
        _receiptAtParent = new ChildReceipt(Body, new DateOnly(2022, 5, 10));
        var own = Own(parentId: null);

        await own.AdoptReceiptAsync();

        Assert.Equal(0, _receiptCalls);
        Assert.Null(own.Progress.Milestones.ReceivedOn);
    }

    [Fact]
    public async Task Milestones_keep_their_earliest_day_are_journaled_and_a_receipt_counts_from_the_parents_issue()
    {
        _plan = Plan(new DateOnly(2022, 11, 30));
        var own = Own();
        await own.ReadPlanAsync();

        // The parent cannot say yet: the plan was issued by the receipt at the latest.
        await own.NoteMilestoneAsync(PlanMilestoneKind.Received, new DateOnly(2022, 5, 10));
        Assert.Equal(new PlanMilestones(ParentIssuedOn: new DateOnly(2022, 5, 10), ReceivedOn: new DateOnly(2022, 5, 10)), own.Progress.Milestones);
        Assert.Equal(1, _record.Version);

        // A repeat, later: nothing changes and nothing is written.
        await own.NoteMilestoneAsync(PlanMilestoneKind.Received, new DateOnly(2022, 5, 12));
        Assert.Equal(1, _record.Version);

        await own.NoteMilestoneAsync(PlanMilestoneKind.Published, new DateOnly(2022, 5, 20));
        Assert.Equal(new DateOnly(2022, 5, 20), own.IssuedOn);
        Assert.Equal(2, _record.Version);
        Assert.Equal(new DateOnly(2022, 5, 20), LocalizationJson.Deserialize<BodyProgress>((await _record.LoadStoredAsync())!.Value.Payload).Milestones.PublishedOn);
    }

    [Fact]
    public async Task A_receipt_counts_from_the_day_the_parent_says_it_issued_the_plan()
    {
        _parentIssuedOn = new DateOnly(2022, 5, 6);
        var own = Own();

        await own.NoteMilestoneAsync(PlanMilestoneKind.Received, new DateOnly(2022, 5, 10));

        Assert.Equal(new PlanMilestones(ParentIssuedOn: new DateOnly(2022, 5, 6), ReceivedOn: new DateOnly(2022, 5, 10)), own.Progress.Milestones);
    }

    [Fact]
    public async Task A_localization_reads_the_targets_again_once_the_plan_is_known()
    {
        _plan = Plan(new DateOnly(2022, 11, 30));
        var own = Own();
        await own.ReadPlanAsync();

        // 孝义市 moved the province's 11月底 to 7月底.
        _plan = Plan(new DateOnly(2022, 7, 31));
        await own.NoteMilestoneAsync(PlanMilestoneKind.Published, new DateOnly(2022, 6, 1));
        Assert.Equal(new DateOnly(2022, 11, 30), Assert.Single(own.Progress.Targets).Deadline);
        await own.NoteMilestoneAsync(PlanMilestoneKind.Localized, new DateOnly(2022, 6, 1));

        Assert.Equal(new DateOnly(2022, 7, 31), Assert.Single(own.Progress.Targets).Deadline);
        Assert.Equal(new DateOnly(2022, 6, 1), own.Progress.Milestones.LocalizedOn);
    }

    [Fact]
    public void The_own_figures_are_due_again_on_a_new_day_in_China()
    {
        var own = Own();
        own.SetFigures();
        Assert.False(own.DayChanged);

        // 23:59 in China: still the same day.
        _clock.Advance(TimeSpan.FromHours(13) + TimeSpan.FromMinutes(59));
        Assert.False(own.DayChanged);
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(own.DayChanged);

        own.SetFigures();
        Assert.False(own.DayChanged);
    }

    private OwnProgress Own(string? parentId = "1411") => new(
        Body, 2022, parentId, exists: true, _record, stored: null, _rollup, new ProgressClock(_clock),
        new OwnProgressCalls(
            () =>
            {
                _planCalls++;
                return Task.FromResult(_plan is { } p ? CommandResult<EffectivePlan>.Ok(p) : CommandResult<EffectivePlan>.Fail(FailureKind.NotFound, "尚未收到"));
            },
            () =>
            {
                _receiptCalls++;
                return Task.FromResult(_receiptAtParent);
            },
            () => Task.FromResult(_parentIssuedOn)),
        () => _owed++,
        () => _changed++);

    private static EffectivePlan Plan(DateOnly due) =>
        new(Body, 2022, due.ToString("O"), "14", "2022年政务公开工作要点", null,
            [new EffectiveItem(TestPlans.Item("1.1", "公开重大建设项目批准和实施信息", due, "发展改革委"), "14", [])], [], []);
}
