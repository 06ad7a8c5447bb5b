using System.Threading.Channels;
using GovOpenness.Abstractions;
using GovOpenness.Domain.Calendar;
using GovOpenness.Grains.Hosting;
using GovOpenness.Grains.Storage;
using GovOpenness.Grains.Storage.Milestones;
using Microsoft.Extensions.Logging;

namespace GovOpenness.Grains;

/// <summary>
/// Carries plan milestones from body grains to progress grains, one per silo, a bounded number in
/// flight. A cascade reaches 45,000 bodies in seconds: one note each, sent at once, would activate
/// 45,000 progress grains that all call back into the body grains while those are still delivering,
/// and starve the cascade. Queued here, the notes follow the cascade at a steady pace instead.
/// </summary>
/// <remarks>
/// Durable (issue 11): <see cref="NoteAsync"/> stores the note (group commit) before the body grain
/// goes on, and the note is removed only once its progress grain journaled it. A note whose silo died,
/// or whose call failed, is still stored when its due time passes; any silo's sweep then claims it
/// (a lease, so one silo re-sends it) and sends it again. The progress grain keeps each milestone's
/// earliest day, so a repeat is harmless.
/// </remarks>
public sealed partial class MilestoneRelay : IAsyncDisposable
{
    public const int MaxInFlight = 256;

    /// <summary>How many queued notes the pump takes at once, to group leaves' receipts by parent.</summary>
    private const int MaxBatch = 4_096;

    /// <summary>How long a stored note may wait for its silo before another one re-sends it.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

    private readonly Channel<MilestoneNote> _notes = Channel.CreateUnbounded<MilestoneNote>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IGrainFactory _grains;
    private readonly ProgressClock _clock;
    private readonly IMilestoneNoteStore _store;
    private readonly IBodyCatalog _catalog;
    private readonly TimeProvider _wallClock;
    private readonly ILogger<MilestoneRelay> _logger;
    private readonly BatchWriter<MilestoneNote> _adds;
    private readonly BatchWriter<MilestoneNote> _removes;
    private readonly CancellationTokenSource _stopping = new();
    private readonly SettleTracker _settle;
    private readonly Task _pump;
    private readonly Task _sweep;
    private readonly PeriodicTimer _sweepTimer;
    private readonly Lock _pendingLock = new();
    private long _pending;
    private long _resent;
    private TaskCompletionSource _drained = Completed();
    private TaskCompletionSource _swept = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="wallClock">
    /// The silo's clock (the container's <see cref="TimeProvider"/>), for leases and the sweep: real time, also
    /// when progress runs on a replay's virtual clock (<see cref="ProgressClock"/>); a test passes a FakeTimeProvider.
    /// </param>
    public MilestoneRelay(IGrainFactory grains, ProgressClock clock, IMilestoneNoteStore store, IBodyCatalog catalog, ILogger<MilestoneRelay> logger, TimeProvider wallClock, SettleTracker? settle = null)
    {
        _catalog = catalog;
        _grains = grains;
        _clock = clock;
        _store = store;
        _wallClock = wallClock;
        _logger = logger;
        _adds = new BatchWriter<MilestoneNote>(notes => _store.AddAsync(notes, _wallClock.GetUtcNow() + Lease), what: "add milestone notes");
        _removes = new BatchWriter<MilestoneNote>(_store.RemoveAsync, what: "remove milestone notes");
        _settle = settle ?? new SettleTracker();
        // Created here, not in the sweep's task: its first tick is one interval after construction, whenever that task starts.
        _sweepTimer = new PeriodicTimer(SweepInterval, _wallClock);
        _pump = Task.Run(PumpAsync);
        _sweep = Task.Run(SweepAsync);
    }

    /// <summary>Notes taken by this relay and not yet noted by their progress grain (relay depth).</summary>
    public long Pending => Interlocked.Read(ref _pending);

    /// <summary>Notes this silo's sweeps claimed and sent again (their silo died, or their first call failed).</summary>
    public long Resent => Interlocked.Read(ref _resent);

    /// <summary>Notes stored and not yet delivered in the whole cluster, as of the last sweep (−1: not counted yet).</summary>
    public long StoredNotes { get; private set; } = -1;

    /// <summary>How often a silo looks for overdue stored notes.</summary>
    public static TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Stores a milestone, stamped with today's date now (not when it reaches the progress grain), then
    /// queues it for sending. Completes once stored; throws when the store failed (the caller's
    /// operation fails and is retried, e.g. the parent's delivery).
    /// </summary>
    public async Task NoteAsync(string bodyId, int year, PlanMilestoneKind kind)
    {
        var note = new MilestoneNote(bodyId, year, kind, ChinaTime.Today(_clock.Time));
        await _adds.WriteAsync(note);
        Enqueue(note);
    }

    /// <summary>Waits until every note taken here was sent (graceful shutdown), or the token fires.</summary>
    public async Task DrainAsync(CancellationToken cancellation)
    {
        Task drained;
        lock (_pendingLock)
        {
            drained = _drained.Task;
        }

        // Signalled by the last note leaving, not polled.
        await drained.WaitAsync(cancellation).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>Completes when the next sweep (<see cref="SweepInterval"/> on the wall clock) has run.</summary>
    public Task NextSweepAsync() => Volatile.Read(ref _swept).Task;

    public async ValueTask DisposeAsync()
    {
        // Whatever is still queued stays stored and is re-sent by another silo (or this one's next start).
        await _stopping.CancelAsync();
        _notes.Writer.TryComplete();
        await Task.WhenAll(_pump, _sweep);
        await _adds.DisposeAsync();
        await _removes.DisposeAsync();
    }

    private static TaskCompletionSource Completed()
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        source.SetResult();
        return source;
    }

    private void Entered()
    {
        lock (_pendingLock)
        {
            if (++_pending == 1)
            {
                _drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    private void Exited()
    {
        lock (_pendingLock)
        {
            if (--_pending == 0)
            {
                _drained.TrySetResult();
            }
        }
    }

    private void Enqueue(MilestoneNote note)
    {
        Entered();
        _settle.Enter(Abstractions.Diagnostics.PendingWork.MilestoneNote);
        if (!_notes.Writer.TryWrite(note))
        {
            Left();
        }
    }

    private async Task PumpAsync()
    {
        using var gate = new SemaphoreSlim(MaxInFlight, MaxInFlight);
        var taken = new List<MilestoneNote>(MaxBatch);
        while (await _notes.Reader.WaitToReadAsync())
        {
            taken.Clear();
            while (taken.Count < MaxBatch && _notes.Reader.TryRead(out var note))
            {
                taken.Add(note);
            }

            if (_stopping.IsCancellationRequested)
            {
                taken.ForEach(_ => Left());
                continue;
            }

            // A leaf's receipt goes to its parent with its siblings' (one call, one journal write per
            // parent and batch), and so does a township's receipt with its villages'; every other note to
            // the body's own progress grain.
            foreach (var group in taken.GroupBy(LeafParentOf))
            {
                if (group.Key is { } parent)
                {
                    await gate.WaitAsync();
                    _ = SendReceiptsAsync(parent, [.. group], gate);
                    continue;
                }

                foreach (var note in group)
                {
                    await gate.WaitAsync();
                    _ = SendAsync(note, gate);
                }
            }
        }

        // Let the last ones finish before the silo's services go.
        for (var i = 0; i < MaxInFlight; i++)
        {
            await gate.WaitAsync();
        }
    }

    /// <summary>
    /// The parent and year a note goes to as a follower's receipt; null when it goes to the body itself. A
    /// leaf's receipt, and the receipt of a body whose children are all leaves that follow, with theirs
    /// (<see cref="PlanMilestoneKind.ReceivedWithLeaves"/>: a township's villages at the village depth, a
    /// county's townships at the default depth): such a body is counted with its leaves by its parent, so
    /// a national cascade activates no progress grain below the prefectures (issue 16); one activates
    /// when it is read or acts, and adopts its receipt and its leaves' from the parent.
    /// </summary>
    private (string Parent, int Year)? LeafParentOf(MilestoneNote note) =>
        _catalog.Find(note.BodyId) is { ParentId: { } parent } && note.Kind switch
        {
            PlanMilestoneKind.Received => _catalog.ChildrenOf(note.BodyId).Count == 0,
            PlanMilestoneKind.ReceivedWithLeaves => true,
            _ => false,
        }
            ? (parent, note.Year)
            : null;

    /// <summary>A follower's receipt as its parent notes it: with the number of its own leaves it stands for.</summary>
    private Abstractions.Progress.ChildReceipt ReceiptOf(MilestoneNote note) => new(
        note.BodyId,
        note.Day,
        Leaves: note.Kind == PlanMilestoneKind.ReceivedWithLeaves ? FollowingLeaves.CatalogLeavesOf(_catalog, note.BodyId).Count() : 0);

    private async Task SendReceiptsAsync((string Parent, int Year) to, List<MilestoneNote> notes, SemaphoreSlim gate)
    {
        try
        {
            var own = await _grains.GetGrain<IProgressGrain>(IProgressGrain.Key(to.Parent, to.Year))
                .NoteChildrenReceivedAsync([.. notes.Select(ReceiptOf)]);
            foreach (var note in notes.Where(n => own.Contains(n.BodyId)))
            {
                // The child keeps its own progress: it notes its receipt (and its leaves') itself.
                await SendNoteAsync(note);
            }

            notes.ForEach(n => _ = RemoveAsync(n));
        }
        catch (Exception e)
        {
            // Still stored: the sweep sends them again once they are due.
            LogNoteFailed(_logger, e, PlanMilestoneKind.Received, $"{notes.Count} children of {to.Parent}", to.Year);
        }
        finally
        {
            notes.ForEach(_ => Left());
            gate.Release();
        }
    }

    private Task NoteAtBodyAsync(MilestoneNote note) =>
        _grains.GetGrain<IProgressGrain>(IProgressGrain.Key(note.BodyId, note.Year)).NoteMilestoneAsync(note.Kind, note.Day);

    /// <summary>A note to the body's progress grain, or, for its following leaves' receipt, to it as their parent.</summary>
    private async Task SendNoteAsync(MilestoneNote note)
    {
        switch (note.Kind)
        {
            case PlanMilestoneKind.LeavesReceived:
                await NoteLeavesAsync(note);
                break;
            case PlanMilestoneKind.ReceivedWithLeaves:
                await NoteAtBodyAsync(note with { Kind = PlanMilestoneKind.Received });
                await NoteLeavesAsync(note);
                break;
            default:
                await NoteAtBodyAsync(note);
                break;
        }
    }

    /// <summary>
    /// A parent's note that its plan reached its leaf children without calling them (<see cref="FollowingLeaves"/>):
    /// every catalog leaf child's receipt, in one call to the parent's progress grain; a child that keeps
    /// its own progress is told itself.
    /// </summary>
    private async Task NoteLeavesAsync(MilestoneNote note)
    {
        var receipts = FollowingLeaves.CatalogLeavesOf(_catalog, note.BodyId).Select(c => new Abstractions.Progress.ChildReceipt(c, note.Day)).ToList();
        var own = await _grains.GetGrain<IProgressGrain>(IProgressGrain.Key(note.BodyId, note.Year)).NoteChildrenReceivedAsync(receipts);
        foreach (var child in own)
        {
            await NoteAtBodyAsync(new MilestoneNote(child, note.Year, PlanMilestoneKind.Received, note.Day));
        }
    }

    private async Task SendAsync(MilestoneNote note, SemaphoreSlim gate)
    {
        try
        {
            await SendNoteAsync(note);
            _ = RemoveAsync(note);
        }
        catch (Exception e)
        {
            // Still stored: the sweep sends it again once it is due.
            LogNoteFailed(_logger, e, note.Kind, note.BodyId, note.Year);
        }
        finally
        {
            Exited();
            _settle.Exit(Abstractions.Diagnostics.PendingWork.MilestoneNote);
            gate.Release();
        }
    }

    private void Left()
    {
        Exited();
        _settle.Exit(Abstractions.Diagnostics.PendingWork.MilestoneNote);
    }

    private async Task RemoveAsync(MilestoneNote note)
    {
        try
        {
            await _removes.WriteAsync(note);
        }
        catch (Exception e)
        {
            // Harmless: the note is sent once more when due, and noting it again changes nothing.
            LogRemoveFailed(_logger, e, note.BodyId, note.Year);
        }
    }

    private async Task SweepAsync()
    {
        using var timer = _sweepTimer;
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                try
                {
                    StoredNotes = await _store.CountAsync();

                    // Only when this silo has room: a silo still sending a cascade's notes takes none.
                    if (Pending > MaxInFlight)
                    {
                        continue;
                    }

                    var now = _wallClock.GetUtcNow();
                    var claimed = await _store.ClaimDueAsync(now, now + Lease, 4_096);
                    Interlocked.Add(ref _resent, claimed.Count);
                    foreach (var note in claimed)
                    {
                        Enqueue(note);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogSweepFailed(_logger, e);
                }
                finally
                {
                    Interlocked.Exchange(ref _swept, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The silo is stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Milestone {Kind} of {BodyId}/{Year} was not noted; it stays stored and is sent again")]
    private static partial void LogNoteFailed(ILogger logger, Exception exception, PlanMilestoneKind kind, string bodyId, int year);

    [LoggerMessage(Level = LogLevel.Information, Message = "A noted milestone of {BodyId}/{Year} could not be removed from the store; it will be sent once more")]
    private static partial void LogRemoveFailed(ILogger logger, Exception exception, string bodyId, int year);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sweep for overdue milestone notes failed; it tries again")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
