using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Diagnostics;
using GovOpenness.Abstractions.Live;
using GovOpenness.Abstractions.Plans;
using GovOpenness.Abstractions.Progress;
using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Progress;
using GovOpenness.Grains.Hosting;
using GovOpenness.Grains.Pipeline;
using GovOpenness.Grains.Rules;
using GovOpenness.Grains.State;
using GovOpenness.Grains.Storage.Audit;
using GovOpenness.Grains.Storage.Journal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GovOpenness.Grains;

/// <summary>
/// A thin shell over the progress domain for one (body, year), keyed "{bodyId}/{year}": records steps
/// durably through the silo's group-commit <see cref="ProgressJournal"/>, keeps the subtree roll-up,
/// and sends one coalesced delta to the parent at most once per flush interval (<see cref="FlushThrottle"/>).
/// Kept apart from the body grain so a progress tick never rewrites the cold plan state.
/// </summary>
[GrainType("progress")]
public sealed class ProgressGrain(
    IOptions<CascadeOptions> options,
    ProgressClock clock,
    ProgressJournal journal,
    SettleTracker settle,
    ActivationEpochs epochs) : Grain, IProgressGrain, IBodyProgressReaderGrain
{
    private string _bodyId = "";
    private int _year;
    private string? _parentId;
    private bool _exists;
    private BodyProgress _progress = null!;
    private SubtreeRollup _rollup = null!;
    private SummaryOutbox? _outbox;
    private Task? _flushing;
    private DateOnly _figuresDay;

    // The journal records this activation owns: every write is conditional on the version it read, so a
    // second activation of this grain (Orleans allows one briefly while membership changes) cannot
    // overwrite what the other acknowledged (<see cref="VersionedRecord"/>).
    private VersionedRecord _record = null!;
    private VersionedRecord _followersRecord = null!;
    private VersionedRecord _childrenRecord = null!;

    /// <summary>Set once a write was refused as stale: this activation sends nothing more upward.</summary>
    private bool _stale;

    /// <summary>This activation's epoch (<see cref="ActivationEpochs"/>): stamps every summary view and delta.</summary>
    private long _epoch;

    /// <summary>Children whose subtree summaries this body holds (journaled: pulled again after a restart).</summary>
    private ChildrenList _children = null!;

    /// <summary>Leaf children that only follow, counted here until they activate (journaled receipts).</summary>
    private FollowerSummaries _followers = null!;

    /// <summary>Whether this activation has read its body's plan (its items are the targets).</summary>
    private bool _planKnown;

    private OnceUnlessFailed? _adopting;

    private WorkingDayCalendar Calendar => WorkingDayCalendar.China;

    private DateOnly Today => ChinaTime.Today(clock.Time);

    // Every timer here runs on the grains' clock (GrainClock, the one Orleans runs grain timers on), and
    // the intervals are measured on it too, so a test drives them with a FakeTimeProvider.
    private TimeProvider WallClock => _wallClock ??= GrainClock.Of(ServiceProvider);

    private TimeProvider? _wallClock;

    /// <summary>When the delta goes up (armed by a change; null until the timers start).</summary>
    private FlushThrottle? _flush;

    /// <summary>The live push to the notifier, at most once per push interval.</summary>
    private PushThrottle? _push;

    private IGrainTimer? _pushTimer;

    // This body's flush interval (CascadeOptions.ProgressFlushIntervalAt its level), and the references it
    // calls on every flush and push: Orleans' GetGrain resolves the interface by reflection on each call
    // (a few % of the silo's CPU per step, issue 16's profile).
    private TimeSpan _flushInterval;
    private IProgressGrain? _parent;
    private ILiveNotifierGrain? _notifier;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        var slash = key.LastIndexOf('/');
        _bodyId = key[..slash];
        _year = int.Parse(key[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var info = await GrainFactory.GetGrain<IBodyGrain>(_bodyId).GetInfoAsync();
        _exists = info is not null;
        _parentId = info?.ParentId;
        _flushInterval = options.Value.ProgressFlushIntervalAt(info?.Level ?? Domain.Hierarchy.BodyLevel.Township);

        // Both records come from the journal, in one batched query with other activating grains. The
        // children list is journaled too (key "{body}/{year}/children"): as Orleans state, the first
        // delta of each of 40,000 new children cost one single-row write, serialized per parent.
        _record = new VersionedRecord(journal, key, Leave);
        _followersRecord = new VersionedRecord(journal, key + "/followers", Leave);
        _followers = new FollowerSummaries(_followersRecord, _bodyId, _year);
        _childrenRecord = new VersionedRecord(journal, key + "/children", Leave);
        _children = new ChildrenList(_childrenRecord);
        var loading = _record.LoadAsync();
        var followers = _followersRecord.LoadAsync();
        _children.Load(await _childrenRecord.LoadAsync());
        var own = await loading;
        _progress = own is { } record
            ? LocalizationJson.Deserialize<BodyProgress>(record.Payload)
            : new BodyProgress(_bodyId, _year, _parentId);
        if (_exists)
        {
            var plan = await GrainFactory.GetGrain<IBodyGrain>(_bodyId).GetPlanAsync(_year);
            if (plan.Value is { } effective)
            {
                _progress = _progress.WithTargets(PlanTargets.Of(effective));
                _planKnown = true;
            }
        }

        _rollup = new SubtreeRollup(_bodyId, _year);
        _epoch = epochs.Next();
        SetOwnFigures();

        // Followers first: a child pulled below replaces its follower's summary with its own.
        await LoadFollowersAsync(await followers);

        // Soft roll-up: pull each known child's full summary (downward calls only, so no cycles).
        foreach (var child in _children.All)
        {
            _rollup.Receive(await Progress(child).TakeFullAsync());
        }

        SummaryMayHaveChanged();

        if (_parentId is not null)
        {
            // A fresh epoch per activation: the parent treats our first delta as a full one.
            _outbox = new SummaryOutbox(_bodyId, _year, _epoch);
        }

        StartTimers();
    }

    public async Task<CommandResult<ProgressOutcome>> RecordProgressAsync(ProgressUpdate update, string? actorBodyId)
    {
        if (!_exists)
        {
            return CommandResult<ProgressOutcome>.Fail(FailureKind.NotFound, $"机构“{_bodyId}”不存在");
        }

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
                await _record.WriteAsync(LocalizationJson.Serialize(result.Body with { Targets = [] }), RecordOf(update, result.Body));
            }
            catch (ProgressNotStoredException e)
            {
                return CommandResult<ProgressOutcome>.Fail(FailureKind.Unavailable, e.Message);
            }

            _progress = result.Body;
            SetOwnFigures();
            SummaryMayHaveChanged();
        }

        return CommandResult<ProgressOutcome>.Ok(result.Outcome);
    }

    public Task<DeltaReceipt> ReceiveDeltaAsync(SummaryDelta delta)
    {
        var receipt = _rollup.Receive(delta);
        // A new child is journaled with the next flush, one write for every child that arrived meanwhile:
        // awaited here, each new child cost a commit inside this call, and a cascade's siblings queued
        // behind one another at their parent (measured: the root's summary lagged delivery tenfold).
        _children.Add(delta.ChildId);

        ScheduleFlush();
        SummaryMayHaveChanged();
        return Task.FromResult(receipt);
    }

    public Task<SummaryDelta> TakeFullAsync() =>
        Task.FromResult((_outbox ?? new SummaryOutbox(_bodyId, _year, 1)).TakeFull(_rollup.Summary));

    public async Task<CommandResult<SummaryView>> GetSummaryAsync()
    {
        if (!_exists)
        {
            return CommandResult<SummaryView>.Fail(FailureKind.NotFound, $"机构“{_bodyId}”不存在");
        }

        // A follower's receipt is held by its parent until this grain adopts it.
        await AdoptReceiptAsync();
        await EnsurePlanKnownAsync();
        return CommandResult<SummaryView>.Ok(SummaryView.Of(_rollup, _epoch));
    }

    public Task<CommandResult<FigureExplanation>> ExplainAsync(string figure)
    {
        if (!_exists)
        {
            return Task.FromResult(CommandResult<FigureExplanation>.Fail(FailureKind.NotFound, $"机构“{_bodyId}”不存在"));
        }

        if (!Enum.TryParse<SummaryFigure>(figure, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
        {
            return Task.FromResult(CommandResult<FigureExplanation>.Fail(FailureKind.Invalid, $"没有名为“{figure}”的汇总数字"));
        }

        return Task.FromResult(CommandResult<FigureExplanation>.Ok(_rollup.Explain(parsed, _progress, Today, Calendar)));
    }

    public async Task FlushAsync()
    {
        RefreshIfNewDay();

        // The timer and explicit flushes interleave: keep one delta in flight at a time.
        while (_flushing is { } running)
        {
            await running;
        }

        _flushing = FlushOnceAsync();
        try
        {
            await _flushing;
        }
        finally
        {
            _flushing = null;
        }
    }

    private async Task FlushOnceAsync()
    {
        await AdoptReceiptAsync();
        await _children.JournalAsync();
        if (_outbox is null || _parentId is null)
        {
            settle.Exit(PendingWork.Flush, this.GetPrimaryKeyString());
            return;
        }

        // Up to a few rounds: a Resend receipt asks for another (full or rebased) delta at once.
        for (var round = 0; round < 3; round++)
        {
            if (_outbox is null)
            {
                settle.Exit(PendingWork.Flush, this.GetPrimaryKeyString());
                return;
            }

            var delta = _outbox.TakeDelta(_rollup.Summary);
            if (delta is null)
            {
                // The parent holds all of it (its own flush was armed inside ReceiveDelta): settled here.
                settle.Exit(PendingWork.Flush, this.GetPrimaryKeyString());
                return;
            }

            var outbox = _outbox;
            var receipt = await (_parent ??= Progress(_parentId)).ReceiveDeltaAsync(delta);
            if (await OutrankedAsync(outbox, receipt))
            {
                // Taken over with a newer epoch (next round: a full delta), or left as behind the journal.
                continue;
            }

            outbox.Acknowledge(receipt);
        }

        // Still not settled after those rounds: go on at the next interval.
        ScheduleFlush();
    }

    /// <summary>
    /// What this activation still owed is not in flight any more: a new activation owes it afresh. Children
    /// that arrived since the last flush are journaled first, so an orderly stop (idle collection, a drained
    /// silo, a cluster restart) never leaves the next activation without them; only a crash relies on the
    /// reconciler (<see cref="ChildrenList"/>).
    /// </summary>
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        try
        {
            await _children.JournalAsync();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Left for the reconciler, as after a crash; deactivation must go on.
        }

        settle.Exit(PendingWork.Flush, this.GetPrimaryKeyString());
        settle.Exit(PendingWork.Push, this.GetPrimaryKeyString());
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    private void SetOwnFigures()
    {
        _figuresDay = Today;
        _rollup.SetOwn(ProgressFigures.ForBody(_progress, _figuresDay, Calendar));
        ScheduleFlush();
    }

    // Lights move with time alone: on a new day an active grain re-derives its own figures, and the
    // next flush carries the change up. Inactive grains derive them afresh when they activate.
    private void RefreshIfNewDay()
    {
        if (Today != _figuresDay)
        {
            SetOwnFigures();
            RecountFollowers();
            SummaryMayHaveChanged();
        }
    }

    private IProgressGrain Progress(string bodyId) => GrainFactory.GetGrain<IProgressGrain>(IProgressGrain.Key(bodyId, _year));

    public async Task<IReadOnlyList<string>> NoteChildrenReceivedAsync(IReadOnlyList<ChildReceipt> receipts)
    {
        if (!_exists)
        {
            return [];
        }

        var own = receipts.Where(r => OwnsProgress(r.ChildId)).Select(r => r.ChildId).ToList();
        var followers = receipts.Where(r => !OwnsProgress(r.ChildId)).ToList();
        if (followers.Count > 0)
        {
            var issuedOn = _progress.Milestones.PublishedOn ?? _progress.Milestones.ReceivedOn ?? followers.Min(f => f.Day);

            // Asked before the write: a failure between the write and the count left receipts stored but
            // never counted (the relay's repeat then changes nothing), so only synchronous code follows it.
            var delivery = await GrainFactory.GetGrain<IBodyDeliveryGrain>(_bodyId).GetDeliveryForChildAsync(_year);
            var changed = await _followers.MergeAsync(followers, issuedOn);

            // A new plan version changes every follower's items; the same version changes only the new ones.
            var retarget = UseFollowerTargets(delivery);
            CountFollowers(retarget ? _followers.ChildIds : changed);

            // Claimed while the write was under way: that child keeps its own progress, so note it there too.
            own.AddRange(followers.Select(f => f.ChildId).Where(_followers.IsClaimed));
        }

        return own;
    }

    public Task<ChildReceipt?> GetChildReceiptAsync(string childId) => Task.FromResult(_followers.Claim(childId));

    public async Task NoteMilestoneAsync(PlanMilestoneKind kind, DateOnly day)
    {
        if (!_exists)
        {
            return;
        }

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

        if (kind == PlanMilestoneKind.Received && _progress.Milestones.ParentIssuedOn is null && _parentId is not null)
        {
            // Lateness counts from the parent's issue. An upward call (allowed: the parent never calls
            // down inside one); when the parent cannot say yet, the plan was issued by the receipt at the latest.
            noted = noted with { ParentIssuedOn = await Progress(_parentId).GetIssuedOnAsync() ?? day };
        }

        var milestones = _progress.Milestones.EarliestOf(noted);
        if (milestones == _progress.Milestones)
        {
            return;
        }

        var next = _progress with { Milestones = milestones };
        // Not stored: the relay keeps the note and sends it again (a stale activation leaves first).
        await _record.WriteAsync(LocalizationJson.Serialize(next with { Targets = [] }));

        _progress = next;
        SetOwnFigures();
        SummaryMayHaveChanged();
    }

    public Task<DateOnly?> GetIssuedOnAsync() =>
        Task.FromResult(_progress.Milestones.PublishedOn ?? _progress.Milestones.ReceivedOn);

    /// <summary>
    /// An activation that found no plan (it was activated before the plan arrived) asks again until it
    /// finds one: on the receipt's note, and on any read or step meanwhile (a leaf's receipt is noted at
    /// its parent, which may not forward it). One call to the body grain each time, and none once known.
    /// </summary>
    private Task EnsurePlanKnownAsync() => _planKnown || !_exists ? Task.CompletedTask : RefreshTargetsAsync();

    // Targets are read from the plan when the grain activates, which is usually at receipt, before the
    // body localized: a localization may then tighten its own deadlines (孝义市's 7月底 for the
    // province's 11月底), so each localization reads them again. Not journaled: derived from the plan.
    private async Task RefreshTargetsAsync()
    {
        var plan = await GrainFactory.GetGrain<IBodyGrain>(_bodyId).GetPlanAsync(_year);
        if (plan.Value is not { } effective)
        {
            return;
        }

        _planKnown = true;

        var targets = PlanTargets.Of(effective).ToList();
        if (!targets.SequenceEqual(_progress.Targets))
        {
            _progress = _progress.WithTargets(targets);
            SetOwnFigures();
            SummaryMayHaveChanged();
        }
    }

    /// <summary>A child that sent its own summary, or asked for its receipt, keeps its own progress.</summary>
    private bool OwnsProgress(string childId) => _children.Contains(childId) || _followers.IsClaimed(childId);

    /// <summary>At activation: the followers journaled here enter the roll-up before the real children are pulled.</summary>
    private async Task LoadFollowersAsync(StoredRecord? record)
    {
        _followers.Load(record);
        if (_followers.Count > 0)
        {
            await RefreshFollowerTargetsAsync();
            CountFollowers(_followers.ChildIds);
        }
    }

    /// <summary>A new day moves followers' lights as it moves the body's own.</summary>
    private void RecountFollowers() => CountFollowers(_followers.ChildIds);

    private void CountFollowers(IEnumerable<string> childIds)
    {
        if (_followers.CountInto(_rollup, childIds, Today, Calendar))
        {
            ScheduleFlush();
            SummaryMayHaveChanged();
        }
    }

    /// <summary>
    /// A follower's items are what this body hands its children, derived without changes of the child's
    /// own (the same for every follower: one derivation per plan version). True when they changed.
    /// </summary>
    private async Task<bool> RefreshFollowerTargetsAsync() =>
        UseFollowerTargets(await GrainFactory.GetGrain<IBodyDeliveryGrain>(_bodyId).GetDeliveryForChildAsync(_year));

    private bool UseFollowerTargets(PlanDelivery? delivery)
    {
        if (delivery is null || !_followers.NeedsTargets(delivery.Plan.Stamp))
        {
            return false;
        }

        var plan = PlanDerivation.Derive(_followers.ChildIds.First(), delivery.Plan, delivery.Policy, [], 0, Calendar);
        return _followers.SetTargets(delivery.Plan.Stamp, PlanTargets.Of(plan));
    }

    /// <summary>
    /// A child counted as a follower by its parent takes its receipt from there when it becomes active
    /// (before its first flush, so its summary replaces the follower's with the receipt in it).
    /// Not journaled here: the parent keeps it, and the next write of this record carries it.
    /// </summary>
    private Task AdoptReceiptAsync() => (_adopting ??= new OnceUnlessFailed(AdoptOnceAsync)).RunAsync();

    private async Task AdoptOnceAsync()
    {
        if (!_exists || _parentId is null || _progress.Milestones.ReceivedOn is not null)
        {
            return;
        }

        if (await Progress(_parentId).GetChildReceiptAsync(_bodyId) is { } receipt)
        {
            var milestones = _progress.Milestones.EarliestOf(new PlanMilestones(ParentIssuedOn: receipt.ParentIssuedOn, ReceivedOn: receipt.Day));
            if (milestones != _progress.Milestones)
            {
                _progress = _progress with { Milestones = milestones };
                SetOwnFigures();
                SummaryMayHaveChanged();
            }
        }
    }

    /// <summary>Reads of the body's own progress for the viewer; they never write.</summary>
    public async Task<CommandResult<ProgressTable>> GetItemsAsync()
    {
        if (!_exists)
        {
            return CommandResult<ProgressTable>.Fail(FailureKind.NotFound, $"机构“{_bodyId}”不存在");
        }

        // A follower's receipt is held by its parent until this grain adopts it.
        await AdoptReceiptAsync();
        await EnsurePlanKnownAsync();
        return CommandResult<ProgressTable>.Ok(ProgressTable.Of(_progress, Today, Calendar));
    }

    /// <summary>The grain's read of its own record (replays compare it with the fast engine).</summary>
    public async Task<BodyProgress> GetOwnProgressAsync()
    {
        await AdoptReceiptAsync();
        return _progress;
    }

    /// <summary>
    /// Convergence after faults (issue 11). A parent's roll-up is soft state fed by deltas; a delta lost
    /// with a silo (this grain's, or its parent's unflushed one) or sent by a duplicate activation leaves
    /// the parent wrong until this body sends a full summary again. The silo's reconciler asks for that
    /// after every membership change. A deactivating grain does not flush: its parent may be reactivating
    /// and pulling from it at that moment (a deadlock until timeout, seen in DurableDeliveryTests); what it
    /// had not sent is repaired by the reconciler.
    /// </summary>
    /// <remarks>
    /// A full resend is only as good as what this activation holds, so it first compares its records'
    /// versions with the journal's. Another activation may have written since this one read them (Orleans
    /// allows a second one briefly while membership changes, and the one that wrote last may be gone), or a
    /// commit may have been stored although its answer was lost (PostgreSQL crashed): this activation is then
    /// behind the store, and sending its figures would only repeat the error. It leaves instead and answers
    /// false; the reconciler asks again, which activates the grain afresh from the journal with a new epoch.
    /// </remarks>
    public async Task<bool> ResendFullAsync()
    {
        if (_stale)
        {
            return false;
        }

        if (await BehindJournalAsync())
        {
            Leave();
            return false;
        }

        if (_parentId is not null)
        {
            // A larger epoch than any before, so the parent replaces what it held (an older epoch's deltas are ignored as duplicates).
            _epoch = epochs.Next(atLeast: Math.Max(_epoch, _outbox?.Epoch ?? 0) + 1);
            _outbox = new SummaryOutbox(_bodyId, _year, _epoch);
            ScheduleFlush();
        }

        return true;
    }

    /// <summary>
    /// The parent holds this body's summary under a newer epoch than this activation's: another activation
    /// of this grain sent it (Orleans allows two briefly while membership changes) and the parent now
    /// ignores every delta of this one as a duplicate, so this body's later steps would never count above
    /// it (fault suite: a county short of a township's 8 acknowledged steps for good). If this activation
    /// holds what is stored, its figures are the true ones: it takes a newer epoch still and the next round
    /// sends them in full. If it is behind the journal, it leaves (the other one, or a fresh one, is right).
    /// </summary>
    private async Task<bool> OutrankedAsync(SummaryOutbox sent, DeltaReceipt receipt)
    {
        if (receipt.Epoch <= sent.Epoch || !ReferenceEquals(sent, _outbox))
        {
            return false;
        }

        if (await BehindJournalAsync())
        {
            Leave();
            return true;
        }

        if (ReferenceEquals(sent, _outbox))
        {
            _epoch = epochs.Next(atLeast: receipt.Epoch + 1);
            _outbox = new SummaryOutbox(_bodyId, _year, _epoch);
        }

        return true;
    }

    /// <summary>Whether the journal holds a newer version of a record this activation read (its own, its followers', its children list).</summary>
    private async Task<bool> BehindJournalAsync()
    {
        var own = journal.LoadRecordAsync(_record.Key);
        var followers = journal.LoadRecordAsync(_followersRecord.Key);
        var children = journal.LoadRecordAsync(_childrenRecord.Key);

        // Newer, not different: this activation's own flush may write the children list meanwhile.
        return ((await own)?.Version ?? 0) > _record.Version
            || ((await followers)?.Version ?? 0) > _followersRecord.Version
            || ((await children)?.Version ?? 0) > _childrenRecord.Version;
    }

    /// <summary>
    /// A write was refused as stale: this activation's memory is behind the stored record, so it sends
    /// nothing more upward and leaves; the caller's retry reaches an activation that reads the current record.
    /// </summary>
    private void Leave()
    {
        _stale = true;
        _outbox = null;
        DeactivateOnIdle();
    }

    /// <summary>
    /// The record (留痕) of an applied step (<see cref="StepRecord"/>), committed in the same journal batch
    /// as the step. Null when no account acts (replay, seeding).
    /// </summary>
    private AuditEntry? RecordOf(ProgressUpdate update, BodyProgress after) =>
        ActContext.Entry(clock.Time.GetUtcNow(), _bodyId, update.IsReview ? AuditKinds.Review : AuditKinds.Progress, StepRecord.Summary(_year, update, _progress, after), update.RequestId);

    private void StartTimers()
    {
        // The root too: its flush sends nothing up but journals its children list.
        var flushTimer = this.RegisterGrainTimer(_ => FlushWhenDueAsync(), new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan) { Interleave = true });
        _flush = new FlushThrottle(WallClock, _flushInterval, due => flushTimer.Change(due, Timeout.InfiniteTimeSpan));

        // Every grain checks the day (the root too): a slow periodic tick (cheap: a date compare).
        // Inactive grains derive their lights at activation.
        var dayCheck = options.Value.ProgressDayCheckInterval;
        this.RegisterGrainTimer(_ =>
        {
            RefreshIfNewDay();
            return Task.CompletedTask;
        }, new GrainTimerCreationOptions(dayCheck, dayCheck) { Interleave = true });

        // A fresh activation owes its parent a full summary (new epoch).
        ScheduleFlush();
    }

    /// <summary>Owes the parent a delta: counted from now until a flush finds nothing left to send, and the flush armed (<see cref="FlushThrottle"/>).</summary>
    private void ScheduleFlush()
    {
        if (_flush is null)
        {
            return;
        }

        settle.Enter(PendingWork.Flush, this.GetPrimaryKeyString());
        _flush.Arm();
    }

    private async Task FlushWhenDueAsync()
    {
        var armedAt = _flush!.Start();
        try
        {
            await FlushAsync();
            RecordFlushLag(armedAt);
        }
        catch
        {
            // The parent was unreachable: the delta stays owed; try again one interval later.
            ScheduleFlush();
            throw;
        }
    }

    /// <summary>Marks the summary as possibly changed: pushed now, or once the push interval has passed (<see cref="PushThrottle"/>).</summary>
    private void SummaryMayHaveChanged()
    {
        if (!_exists)
        {
            return;
        }

        _push ??= new PushThrottle(
            WallClock,
            ServiceProvider.GetService<IOptions<LiveOptions>>()?.Value.PushInterval ?? TimeSpan.FromMilliseconds(200),
            settle,
            this.GetPrimaryKeyString(),
            ArmPush,
            () => SummaryView.Of(_rollup, _epoch),
            SendPush);
        _push.Changed();
    }

    private void ArmPush(TimeSpan wait)
    {
        _pushTimer ??= this.RegisterGrainTimer(_ =>
        {
            _push!.Due();
            return Task.CompletedTask;
        }, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan) { Interleave = true });
        _pushTimer.Change(wait, Timeout.InfiniteTimeSpan);
    }

    private void SendPush(SummaryView view)
    {
        var push = new SummaryPush(_bodyId, _parentId, _year, view, WallClock.GetUtcNow());

        // Counted before the one-way call: the notifier (always on this silo) counts it off once forwarded.
        settle.EnterVersion(PendingWork.Forward, this.GetPrimaryKeyString(), (view.Epoch, view.Sequence));
        _ = (_notifier ??= GrainFactory.GetGrain<ILiveNotifierGrain>(0)).PublishAsync(push);
    }

    private void RecordFlushLag(long armedAt) =>
        ServiceProvider.GetService<GovOpennessMetrics>()?.RecordFlushLag(
            WallClock.GetElapsedTime(armedAt),
            Domain.Hierarchy.BodyId.TryGetLevel(_bodyId, out var level, out _) ? level.ToString() : "other");
}
