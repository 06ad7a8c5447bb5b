using System.Threading.Channels;
using GovOpenness.Abstractions;
using GovOpenness.Domain.Calendar;
using GovOpenness.Grains.Hosting;
using Microsoft.Extensions.Logging;

namespace GovOpenness.Grains;

/// <summary>
/// Carries plan milestones from body grains to progress grains, one per silo, a bounded number in
/// flight. A cascade reaches 45,000 bodies in seconds: one note each, sent at once, would activate
/// 45,000 progress grains that all call back into the body grains while those are still delivering,
/// and starve the cascade. Queued here, the notes follow the cascade at a steady pace instead.
/// </summary>
/// <remarks>
/// The queue is in memory: notes still queued when a silo stops are lost, and noted again when the
/// plan is next delivered or pulled (the progress grain keeps each milestone's earliest day, so a
/// repeat is harmless). Its size is bounded by the bodies the silo hosts (one note per milestone).
/// </remarks>
public sealed partial class MilestoneRelay : IAsyncDisposable
{
    public const int MaxInFlight = 256;

    private readonly Channel<QueuedNote> _notes = Channel.CreateUnbounded<QueuedNote>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IGrainFactory _grains;
    private readonly ProgressClock _clock;
    private readonly ILogger<MilestoneRelay> _logger;
    private readonly SettleTracker _settle;
    private readonly Task _pump;
    private long _pending;
    private volatile bool _stopping;

    public MilestoneRelay(IGrainFactory grains, ProgressClock clock, ILogger<MilestoneRelay> logger, SettleTracker? settle = null)
    {
        _grains = grains;
        _clock = clock;
        _logger = logger;
        _settle = settle ?? new SettleTracker();
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>Notes not yet taken by their progress grain (the benchmark waits for 0).</summary>
    public long Pending => Interlocked.Read(ref _pending);

    /// <summary>Queues a milestone, stamped with today's date now (not when it reaches the progress grain).</summary>
    public void Note(string bodyId, int year, PlanMilestoneKind kind)
    {
        Interlocked.Increment(ref _pending);
        _settle.Enter(Abstractions.Diagnostics.PendingWork.MilestoneNote);
        _notes.Writer.TryWrite(new QueuedNote(bodyId, year, kind, ChinaTime.Today(_clock.Time)));
    }

    public async ValueTask DisposeAsync()
    {
        // The silo is stopping: what is still queued is dropped, not sent (noted again at the next delivery).
        _stopping = true;
        _notes.Writer.TryComplete();
        await _pump;
    }

    private async Task PumpAsync()
    {
        using var gate = new SemaphoreSlim(MaxInFlight, MaxInFlight);
        await foreach (var note in _notes.Reader.ReadAllAsync())
        {
            if (_stopping)
            {
                Interlocked.Decrement(ref _pending);
                _settle.Exit(Abstractions.Diagnostics.PendingWork.MilestoneNote);
                continue;
            }

            await gate.WaitAsync();
            _ = SendAsync(note, gate);
        }

        // Let the last ones finish before the silo's services go.
        for (var i = 0; i < MaxInFlight; i++)
        {
            await gate.WaitAsync();
        }
    }

    private async Task SendAsync(QueuedNote note, SemaphoreSlim gate)
    {
        try
        {
            await _grains.GetGrain<IProgressGrain>(IProgressGrain.Key(note.BodyId, note.Year)).NoteMilestoneAsync(note.Kind, note.Day);
        }
        catch (Exception e)
        {
            LogNoteFailed(_logger, e, note.Kind, note.BodyId, note.Year);
        }
        finally
        {
            Interlocked.Decrement(ref _pending);
            _settle.Exit(Abstractions.Diagnostics.PendingWork.MilestoneNote);
            gate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Milestone {Kind} of {BodyId}/{Year} was not noted")]
    private static partial void LogNoteFailed(ILogger logger, Exception exception, PlanMilestoneKind kind, string bodyId, int year);

    private sealed record QueuedNote(string BodyId, int Year, PlanMilestoneKind Kind, DateOnly Day);
}
