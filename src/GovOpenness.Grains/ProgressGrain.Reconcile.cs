using GovOpenness.Domain.Progress;
using Microsoft.Extensions.DependencyInjection;

namespace GovOpenness.Grains;

/// <summary>
/// Convergence after faults (issue 11). A parent's roll-up is soft state fed by deltas; a delta lost
/// with a silo (this grain's, or its parent's unflushed one) or sent by a duplicate activation leaves
/// the parent wrong until this body sends a full summary again. The silo's reconciler asks for that
/// (<see cref="ResendFullAsync"/>) after every membership change. A deactivating grain does not flush:
/// its parent may be reactivating and pulling from it at that moment (a deadlock until timeout, seen
/// in DurableDeliveryTests); what it had not sent is repaired by the reconciler.
/// </summary>
/// <remarks>
/// A full resend is only as good as what this activation holds, so it first compares its records'
/// versions with the journal's. Another activation may have written since this one read them (Orleans
/// allows a second one briefly while membership changes, and the one that wrote last may be gone), or
/// a commit may have been stored although its answer was lost (PostgreSQL crashed): this activation's
/// steps, receipts or followers are then behind the store, and sending them would only repeat the error.
/// It leaves instead and answers false; the reconciler asks again, which activates the grain afresh from
/// the journal with a new epoch, i.e. a full summary of what is stored.
/// </remarks>
public sealed partial class ProgressGrain
{
    public async Task<bool> ResendFullAsync()
    {
        if (_stale)
        {
            return false;
        }

        if (await BehindJournalAsync())
        {
            _stale = true;
            _outbox = null;
            DeactivateOnIdle();
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
            _stale = true;
            _outbox = null;
            DeactivateOnIdle();
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
        var key = this.GetPrimaryKeyString();
        var own = journal.LoadRecordAsync(key);
        var followers = journal.LoadRecordAsync(FollowersKey);
        var children = journal.LoadRecordAsync(ChildrenKey);

        // Newer, not different: this activation's own flush may write the children list meanwhile.
        return ((await own)?.Version ?? 0) > _version
            || ((await followers)?.Version ?? 0) > _followersVersion
            || ((await children)?.Version ?? 0) > _childrenVersion;
    }

    private void RecordFlushLag(long armedAt) =>
        ServiceProvider.GetService<Hosting.GovOpennessMetrics>()?.RecordFlushLag(
            WallClock.GetElapsedTime(armedAt),
            Domain.Hierarchy.BodyId.TryGetLevel(_bodyId, out var level, out _) ? level.ToString() : "other");
}
