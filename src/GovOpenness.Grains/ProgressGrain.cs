using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Diagnostics;
using GovOpenness.Abstractions.Plans;
using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Progress;
using GovOpenness.Grains.Hosting;
using GovOpenness.Grains.Storage.Audit;
using GovOpenness.Grains.Storage.Journal;
using Microsoft.Extensions.Options;

namespace GovOpenness.Grains;

/// <summary>
/// A thin shell over the progress domain for one (body, year), keyed "{bodyId}/{year}": records steps
/// durably through the silo's group-commit <see cref="ProgressJournal"/>, keeps the subtree roll-up,
/// and sends one coalesced delta to the parent at most once per flush interval (ProgressGrain.Timers.cs).
/// Kept apart from the body grain so a progress tick never rewrites the cold plan state.
/// </summary>
[GrainType("progress")]
public sealed partial class ProgressGrain(
    IOptions<CascadeOptions> options,
    ProgressClock clock,
    ProgressJournal journal,
    SettleTracker settle,
    ActivationEpochs epochs) : Grain, IProgressGrain
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

    // The journal versions this activation read and wrote: every write is conditional on them, so a
    // second activation of this grain (Orleans allows one briefly while membership changes) cannot
    // overwrite what the other acknowledged (ProgressGrain.Versions.cs).
    private long _version;
    private long _childrenVersion;

    /// <summary>This activation's epoch (<see cref="ActivationEpochs"/>): stamps every summary view and delta.</summary>
    private long _epoch;

    /// <summary>Children whose subtree summaries this body holds (journaled: pulled again after a restart).</summary>
    private List<string> _children = [];

    private WorkingDayCalendar Calendar => WorkingDayCalendar.China;

    private DateOnly Today => ChinaTime.Today(clock.Time);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        var slash = key.LastIndexOf('/');
        _bodyId = key[..slash];
        _year = int.Parse(key[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var info = await GrainFactory.GetGrain<IBodyGrain>(_bodyId).GetInfoAsync();
        _exists = info is not null;
        _parentId = info?.ParentId;

        // Both records come from the journal, in one batched query with other activating grains. The
        // children list is journaled too (key "{body}/{year}/children"): as Orleans state, the first
        // delta of each of 40,000 new children cost one single-row write, serialized per parent.
        var loading = journal.LoadRecordAsync(key);
        var followers = journal.LoadRecordAsync(FollowersKey);
        var children = await journal.LoadRecordAsync(ChildrenKey);
        _childrenVersion = children?.Version ?? 0;
        _children = children is { } c ? System.Text.Json.JsonSerializer.Deserialize<List<string>>(c.Payload) ?? [] : [];
        _knownChildren = [.. _children];
        var own = await loading;
        _version = own?.Version ?? 0;
        _progress = own is { } record
            ? LocalizationJson.Deserialize<BodyProgress>(record.Payload)
            : new BodyProgress(_bodyId, _year, _parentId);
        if (_exists)
        {
            var plan = await GrainFactory.GetGrain<IBodyGrain>(_bodyId).GetPlanAsync(_year);
            if (plan.Value is { } effective)
            {
                _progress = _progress.WithTargets(TargetsOf(effective));
                _planKnown = true;
            }
        }

        _rollup = new SubtreeRollup(_bodyId, _year);
        _epoch = epochs.Next();
        SetOwnFigures();

        // Followers first: a child pulled below replaces its follower's summary with its own.
        await LoadFollowersAsync(await followers);

        // Soft roll-up: pull each known child's full summary (downward calls only, so no cycles).
        foreach (var child in _children)
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
                _version = await journal.AppendAsync(this.GetPrimaryKeyString(), LocalizationJson.Serialize(result.Body with { Targets = [] }), _version, RecordOf(update, result.Body));
            }
            catch (ProgressNotStoredException e)
            {
                LeaveIfStale(e);
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
        if (_knownChildren.Add(delta.ChildId))
        {
            // Journaled with the next flush, one write for every child that arrived meanwhile: awaited
            // here, each new child cost a commit inside this call, and a cascade's siblings queued behind
            // one another at their parent (measured: the root's summary lagged delivery tenfold).
            _children.Add(delta.ChildId);
            _childrenDirty = true;
        }

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
        await JournalChildrenAsync();
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
            var receipt = await Progress(_parentId).ReceiveDeltaAsync(delta);
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
    /// reconciler (ProgressGrain.Children.cs).
    /// </summary>
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        try
        {
            await JournalChildrenAsync();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Left for the reconciler, as after a crash; deactivation must go on.
        }

        settle.Exit(PendingWork.Flush, this.GetPrimaryKeyString());
        settle.Exit(PendingWork.Push, this.GetPrimaryKeyString());
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    private string ChildrenKey => this.GetPrimaryKeyString() + "/children";

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

    // The body grain hands out the wire form of the effective plan; a target needs only the item id, its
    // earliest due date (what the domain's LocalizedItem.EffectiveDeadline gives) and the weight its
    // issuer gave it.
    // Chapters (一、二、… with tasks under them) are structure, not items: never counted, acknowledged or overdue.
    private static IEnumerable<ItemTarget> TargetsOf(EffectivePlan plan)
    {
        var chapters = Domain.Desk.PlanStructure.Chapters([.. plan.Items.Select(i => i.Item.Depth)]);
        return plan.Items.Where((_, i) => !chapters[i])
            .Select(i => new ItemTarget(i.Item.Id, i.Item.Deadlines.Select(d => d.ToDomain().DueDate).Where(d => d.HasValue).Min(), i.Item.Weight));
    }
}
