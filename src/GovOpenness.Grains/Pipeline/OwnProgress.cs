using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Plans;
using GovOpenness.Abstractions.Progress;
using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Progress;
using GovOpenness.Grains.Hosting;
using GovOpenness.Grains.Rules;
using GovOpenness.Grains.State;
using GovOpenness.Grains.Storage.Audit;
using GovOpenness.Grains.Storage.Journal;

namespace GovOpenness.Grains.Pipeline;

/// <summary>The calls the body's own record makes to other grains; the grain hands them over as it would make them.</summary>
/// <param name="Plan">The body grain's effective plan for the year (its items are the targets).</param>
/// <param name="ReceiptAtParent">The receipt the parent noted for this body as a follower (null: none, or no parent).</param>
/// <param name="ParentIssuedOn">The day the parent issued the plan (null: it cannot say yet).</param>
/// <param name="LeavesReceived">
/// The parent counted this body with its leaves (<see cref="ChildReceipt.Leaves"/>): they are to be counted
/// here, received on the day given, issued by this body on the second day given (null: this body has no leaves' part to adopt).
/// </param>
internal sealed record OwnProgressCalls(
    Func<Task<CommandResult<EffectivePlan>>> Plan,
    Func<Task<ChildReceipt?>> ReceiptAtParent,
    Func<Task<DateOnly?>> ParentIssuedOn,
    Func<DateOnly, DateOnly, Task>? LeavesReceived = null);

/// <summary>
/// One job of the progress grain: the body's own progress record (key "{body}/{year}") — its steps,
/// its plan's milestones, the receipt it adopts from its parent, the targets read from its plan — and
/// the figures it puts into the roll-up, derived again on a new day. Everything it holds is journaled
/// before it is held (a failed commit changes nothing), except the targets, which come from the plan.
/// Kept apart so the grain only composes it with the roll-up, the followers and the flush.
/// </summary>
/// <param name="stored">The record as the journal holds it (null: none yet).</param>
/// <param name="owe">The own figures changed: a delta is owed to the parent.</param>
/// <param name="changed">The summary may have changed: the live push.</param>
internal sealed class OwnProgress(
    string bodyId,
    int year,
    string? parentId,
    bool exists,
    VersionedRecord record,
    StoredRecord? stored,
    SubtreeRollup rollup,
    ProgressClock clock,
    OwnProgressCalls calls,
    Action owe,
    Action changed)
{
    private BodyProgress _progress = stored is { } r
        ? LocalizationJson.Deserialize<BodyProgress>(r.Payload)
        : new BodyProgress(bodyId, year, parentId);

    private DateOnly _figuresDay;

    /// <summary>Whether this activation has read its body's plan (its items are the targets).</summary>
    private bool _planKnown;

    private OnceUnlessFailed? _adopting;

    public BodyProgress Progress => _progress;

    /// <summary>The day this body issued the plan its children receive: published, else received.</summary>
    public DateOnly? IssuedOn => _progress.Milestones.PublishedOn ?? _progress.Milestones.ReceivedOn;

    /// <summary>Lights move with time alone: true once the own figures were derived on an earlier day.</summary>
    public bool DayChanged => Today != _figuresDay;

    private DateOnly Today => ChinaTime.Today(clock.Time);

    private static WorkingDayCalendar Calendar => WorkingDayCalendar.China;

    /// <summary>Reads the body's plan (<see cref="OwnProgressCalls.Plan"/>) and takes it (<see cref="TakePlan"/>).</summary>
    public async Task ReadPlanAsync() => TakePlan(await calls.Plan());

    /// <summary>At activation: the plan's items (read by the grain, <see cref="OwnProgressCalls.Plan"/>) become the targets (not stored: derived from the plan).</summary>
    public void TakePlan(CommandResult<EffectivePlan> plan)
    {
        if (plan.Value is { } effective)
        {
            _progress = _progress.WithTargets(PlanTargets.Of(effective));
            _planKnown = true;
        }
    }

    /// <summary>
    /// Derives the own figures for today into the roll-up; a delta is owed when they changed (true). Unchanged
    /// figures (a step that only changes a note or adds evidence, a new day that turns nothing red) leave the roll-up
    /// as it was: the parent holds it already, so no flush is armed and no delta sent (issue 16: each step
    /// armed a flush, a timer tick and a call to the parent, whatever it changed).
    /// </summary>
    public bool SetFigures()
    {
        _figuresDay = Today;
        if (!rollup.SetOwn(ProgressFigures.ForBody(_progress, _figuresDay, Calendar)))
        {
            return false;
        }

        owe();
        return true;
    }

    /// <summary>Applies one step; held in memory only once the journal committed it with its record (留痕).</summary>
    public async Task<CommandResult<ProgressOutcome>> RecordAsync(ProgressUpdate update, string? actorBodyId)
    {
        // A receipt noted at the parent comes into this record with the first step.
        await AdoptReceiptAsync();
        await EnsurePlanKnownAsync();
        var result = _progress.Apply(update, Today, actorBodyId);
        if (result.Outcome.IsRejected)
        {
            return CommandResult<ProgressOutcome>.Fail(FailureKind.Conflict, result.Outcome.Message ?? "进度未被接受");
        }

        if (result.Outcome.IsApplied)
        {
            // Targets are not stored: they come from the body's effective plan at each activation.
            // Held in memory only once the journal committed it: a failed commit changes nothing.
            try
            {
                await record.WriteAsync(ProgressRecordJson.Serialize(result.Body), RecordOf(update, result.Body));
            }
            catch (ProgressNotStoredException e)
            {
                return CommandResult<ProgressOutcome>.Fail(FailureKind.Unavailable, e.Message);
            }

            Take(result.Body);
        }

        return CommandResult<ProgressOutcome>.Ok(result.Outcome);
    }

    /// <summary>
    /// Applies several steps in one journal write (<see cref="ProgressBatch"/>): each validated as a single step
    /// would be, each with its own record (留痕); one rejected step refuses them all and nothing changes.
    /// </summary>
    public async Task<CommandResult<IReadOnlyList<ProgressOutcome>>> RecordBatchAsync(IReadOnlyList<ProgressUpdate> updates, string? actorBodyId)
    {
        await AdoptReceiptAsync();
        await EnsurePlanKnownAsync();
        var result = ProgressBatch.Apply(_progress, updates, Today, actorBodyId);
        if (result.IsRejected)
        {
            return CommandResult<IReadOnlyList<ProgressOutcome>>.Fail(FailureKind.Invalid, result.Rejection!);
        }

        if (result.Applied.Length > 0)
        {
            // Each applied step's record reads as a single step's would: before → after that step.
            var records = new List<AuditEntry>(result.Applied.Length);
            var before = _progress;
            foreach (var (update, outcome) in updates.Zip(result.Outcomes))
            {
                if (!outcome.IsApplied)
                {
                    continue;
                }

                var after = before.Apply(update, Today, actorBodyId).Body;
                if (RecordOf(update, before, after) is { } entry)
                {
                    records.Add(entry);
                }

                before = after;
            }

            try
            {
                await record.WriteAsync(ProgressRecordJson.Serialize(result.Body), records);
            }
            catch (ProgressNotStoredException e)
            {
                return CommandResult<IReadOnlyList<ProgressOutcome>>.Fail(FailureKind.Unavailable, e.Message);
            }

            Take(result.Body);
        }

        return CommandResult<IReadOnlyList<ProgressOutcome>>.Ok(result.Outcomes);
    }

    /// <summary>The plan reached a milestone; each keeps its earliest day (idempotent, order-free), journaled before it counts.</summary>
    public async Task NoteMilestoneAsync(PlanMilestoneKind kind, DateOnly day)
    {
        var noted = kind switch
        {
            PlanMilestoneKind.Received => new PlanMilestones(ReceivedOn: day),
            PlanMilestoneKind.Localized => new PlanMilestones(LocalizedOn: day),
            _ => new PlanMilestones(PublishedOn: day),
        };
        if (kind == PlanMilestoneKind.Localized)
        {
            await RefreshTargetsAsync();
        }
        else
        {
            // Activated before the plan arrived (a viewer asked first): the receipt or the publish brings it.
            await EnsurePlanKnownAsync();
        }

        if (kind == PlanMilestoneKind.Received && _progress.Milestones.ParentIssuedOn is null && parentId is not null)
        {
            // Lateness counts from the parent's issue. An upward call (allowed: the parent never calls
            // down inside one); when the parent cannot say yet, the plan was issued by the receipt at the latest.
            noted = noted with { ParentIssuedOn = await calls.ParentIssuedOn() ?? day };
        }

        var milestones = _progress.Milestones.EarliestOf(noted);
        if (milestones == _progress.Milestones)
        {
            return;
        }

        var next = _progress with { Milestones = milestones };
        // Not stored: the relay keeps the note and sends it again (a stale activation leaves first).
        await record.WriteAsync(ProgressRecordJson.Serialize(next));
        Take(next);
    }

    /// <summary>
    /// An activation that found no plan (it was activated before the plan arrived) asks again until it
    /// finds one: on the receipt's note, and on any read or step meanwhile (a leaf's receipt is noted at
    /// its parent, which may not forward it). One call to the body grain each time, and none once known.
    /// </summary>
    public Task EnsurePlanKnownAsync() => _planKnown || !exists ? Task.CompletedTask : RefreshTargetsAsync();

    /// <summary>
    /// A child counted as a follower by its parent takes its receipt from there when it becomes active
    /// (before its first flush, so its summary replaces the follower's with the receipt in it).
    /// Not journaled here: the parent keeps it, and the next write of this record carries it.
    /// </summary>
    public Task AdoptReceiptAsync() => (_adopting ??= new OnceUnlessFailed(AdoptOnceAsync)).RunAsync();

    // Targets are read from the plan when the grain activates, which is usually at receipt, before the
    // body localized: a localization may then tighten its own deadlines (孝义市's 7月底 for the
    // province's 11月底), so each localization reads them again. Not journaled: derived from the plan.
    private async Task RefreshTargetsAsync()
    {
        var plan = await calls.Plan();
        if (plan.Value is not { } effective)
        {
            return;
        }

        _planKnown = true;

        var targets = PlanTargets.Of(effective).ToList();
        if (!targets.SequenceEqual(_progress.Targets))
        {
            Take(_progress.WithTargets(targets));
        }
    }

    private async Task AdoptOnceAsync()
    {
        if (!exists || parentId is null || _progress.Milestones.ReceivedOn is not null)
        {
            return;
        }

        if (await calls.ReceiptAtParent() is { } receipt)
        {
            if (receipt.Leaves > 0 && calls.LeavesReceived is { } leavesReceived)
            {
                // Before the receipt is held: a failure leaves this to be adopted again, leaves and all.
                await leavesReceived(receipt.Day, _progress.Milestones.PublishedOn ?? receipt.Day);
            }

            var milestones = _progress.Milestones.EarliestOf(new PlanMilestones(ParentIssuedOn: receipt.ParentIssuedOn, ReceivedOn: receipt.Day));
            if (milestones != _progress.Milestones)
            {
                Take(_progress with { Milestones = milestones });
            }
        }
    }

    private void Take(BodyProgress next)
    {
        _progress = next;

        // The summary view holds the roll-up only (not the own record): unchanged figures change no view.
        if (SetFigures())
        {
            changed();
        }
    }

    /// <summary>
    /// The record (留痕) of an applied step (<see cref="StepRecord"/>), committed in the same journal batch
    /// as the step. Null when no account acts (replay, seeding).
    /// </summary>
    private AuditEntry? RecordOf(ProgressUpdate update, BodyProgress after) => RecordOf(update, _progress, after);

    private AuditEntry? RecordOf(ProgressUpdate update, BodyProgress before, BodyProgress after) =>
        ActContext.Entry(clock.Time.GetUtcNow(), bodyId, update.IsReview ? AuditKinds.Review : AuditKinds.Progress, StepRecord.Summary(year, update, before, after), update.RequestId);
}
