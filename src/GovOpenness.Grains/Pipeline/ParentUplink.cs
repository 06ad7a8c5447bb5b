using GovOpenness.Abstractions.Diagnostics;
using GovOpenness.Domain.Progress;
using GovOpenness.Grains.Hosting;

namespace GovOpenness.Grains.Pipeline;

/// <summary>
/// One job of the progress grain: what this activation owes its parent and how it goes up. It holds the
/// activation's epoch and outbox, counts the owed delta in the silo's <see cref="SettleTracker"/> from the
/// moment it is owed until a flush finds nothing left to send, keeps one flush in flight, and reconciles
/// with the journal when the parent's receipt or the reconciler says another activation got in between
/// (README, "Convergence after faults"). Kept apart so the epoch and settle accounting can be tested
/// against a real roll-up standing in for the parent, without a cluster.
/// </summary>
/// <remarks>
/// The order of the settle calls is the invariant of <see cref="SettleTracker"/>: the flush is entered
/// before it is armed and left only once the parent's <c>ReceiveDelta</c>, which arms the parent's own
/// flush, has answered that it holds everything.
/// </remarks>
/// <param name="records">The activation's journal records (own, followers, children): a newer stored version of any means it is behind.</param>
/// <param name="beforeFlush">Inside the one flush in flight, before the delta is taken (adopt the receipt, journal new children).</param>
/// <param name="send">The parent's <c>ReceiveDelta</c>.</param>
/// <param name="deactivate">Lets the activation leave once idle.</param>
internal sealed class ParentUplink(
    string bodyId,
    int year,
    bool hasParent,
    string key,
    SubtreeRollup rollup,
    ActivationEpochs epochs,
    SettleTracker settle,
    IReadOnlyList<VersionedRecord> records,
    Func<Task> beforeFlush,
    Func<SummaryDelta, Task<DeltaReceipt>> send,
    Action deactivate)
{
    /// <summary>A flush answered "resend" this many times in a row goes on at the next interval.</summary>
    private const int Rounds = 3;

    private long _epoch = epochs.Next();
    private SummaryOutbox? _outbox;
    private Task? _flushing;
    private FlushThrottle? _throttle;

    /// <summary>Set once a write was refused as stale: this activation sends nothing more upward.</summary>
    private bool _stale;

    /// <summary>This activation's epoch (<see cref="ActivationEpochs"/>): stamps every summary view and delta.</summary>
    public long Epoch => _epoch;

    /// <summary>A fresh outbox under this activation's epoch: the parent takes the first delta as a full one. None for the root.</summary>
    public void Open()
    {
        if (hasParent)
        {
            _outbox = new SummaryOutbox(bodyId, year, _epoch);
        }
    }

    /// <summary>The timers started: from now on an owed delta arms the flush.</summary>
    public void Start(FlushThrottle throttle) => _throttle = throttle;

    /// <summary>Owes the parent a delta: counted from now until a flush finds nothing left to send, and the flush armed (<see cref="FlushThrottle"/>).</summary>
    public void Owe()
    {
        if (_throttle is null)
        {
            return;
        }

        settle.Enter(PendingWork.Flush, key);
        _throttle.Arm();
    }

    /// <summary>The whole summary as a delta from nothing, for a parent rebuilding its roll-up.</summary>
    public SummaryDelta TakeFull() => (_outbox ?? new SummaryOutbox(bodyId, year, 1)).TakeFull(rollup.Summary);

    /// <summary>Sends what is owed; the timer and explicit flushes interleave, so one delta is in flight at a time.</summary>
    public async Task FlushAsync()
    {
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
        await beforeFlush();
        if (_outbox is null || !hasParent)
        {
            settle.Exit(PendingWork.Flush, key);
            return;
        }

        // Up to a few rounds: a Resend receipt asks for another (full or rebased) delta at once.
        for (var round = 0; round < Rounds; round++)
        {
            if (_outbox is null)
            {
                settle.Exit(PendingWork.Flush, key);
                return;
            }

            var delta = _outbox.TakeDelta(rollup.Summary);
            if (delta is null)
            {
                // The parent holds all of it (its own flush was armed inside ReceiveDelta): settled here.
                settle.Exit(PendingWork.Flush, key);
                return;
            }

            var outbox = _outbox;
            var receipt = await send(delta);
            if (await OutrankedAsync(outbox, receipt))
            {
                // Taken over with a newer epoch (next round: a full delta), or left as behind the journal.
                continue;
            }

            outbox.Acknowledge(receipt);
        }

        // Still not settled after those rounds: go on at the next interval.
        Owe();
    }

    /// <summary>
    /// The reconciler asks for the whole summary again (issue 11): a new epoch larger than any before, so
    /// the parent replaces what it held. False, after leaving, when this activation is behind the journal.
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

        if (hasParent)
        {
            // A larger epoch than any before, so the parent replaces what it held (an older epoch's deltas are ignored as duplicates).
            _epoch = epochs.Next(atLeast: Math.Max(_epoch, _outbox?.Epoch ?? 0) + 1);
            _outbox = new SummaryOutbox(bodyId, year, _epoch);
            Owe();
        }

        return true;
    }

    /// <summary>
    /// A write was refused as stale, or the journal is ahead: this activation's memory is behind the stored
    /// record, so it sends nothing more upward and leaves; the caller's retry reaches an activation that
    /// reads the current record.
    /// </summary>
    public void Leave()
    {
        _stale = true;
        _outbox = null;
        deactivate();
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
            _outbox = new SummaryOutbox(bodyId, year, _epoch);
        }

        return true;
    }

    /// <summary>Whether the journal holds a newer version of a record this activation read (its own, its followers', its children list).</summary>
    private async Task<bool> BehindJournalAsync()
    {
        // All read at once, every read awaited (none left running or unobserved when one is already newer).
        // Newer, not different: this activation's own flush may write the children list meanwhile.
        var stored = await Task.WhenAll(records.Select(r => r.LoadStoredAsync()));
        for (var i = 0; i < stored.Length; i++)
        {
            if ((stored[i]?.Version ?? 0) > records[i].Version)
            {
                return true;
            }
        }

        return false;
    }
}
