namespace GovOpenness.Domain.Progress;

/// <summary>
/// A child's side of the roll-up: remembers the summary its parent acknowledged and turns the current
/// summary into one delta against it, however many updates happened since (coalescing for free). Soft
/// state: a host that loses it creates a new outbox with a larger epoch and the parent is resent the
/// whole summary. One delta in flight at a time: call <see cref="TakeDelta"/>, send it, then pass the
/// parent's receipt to <see cref="Acknowledge"/> (after a failed call, just take a delta again later).
/// </summary>
public sealed class SummaryOutbox
{
    // Snapshots of deltas sent but not acknowledged: a call that timed out may still have been applied,
    // and the parent's receipt then names one of these. A few suffice with one call in flight.
    private const int RememberedSnapshots = 4;

    private readonly List<Snapshot> _unacknowledged = new(RememberedSnapshots + 1);
    private Snapshot? _acknowledged;
    private long _lastSequence;

    /// <param name="bodyId">The child that owns the outbox.</param>
    /// <param name="year">The plan's year.</param>
    /// <param name="epoch">Larger than any epoch the child used before (e.g. the activation time in
    /// ticks from the injected clock, or a persisted counter).</param>
    public SummaryOutbox(string bodyId, int year, long epoch)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epoch);
        BodyId = bodyId;
        Year = year;
        Epoch = epoch;
    }

    public string BodyId { get; }

    public int Year { get; }

    public long Epoch { get; }

    /// <summary>The sequence the parent is known to hold; 0 when it is known to hold nothing.</summary>
    public long AcknowledgedSequence => _acknowledged?.Sequence ?? 0;

    /// <summary>Whether the parent's copy is known to equal <paramref name="current"/>.</summary>
    public bool IsSettled(SubtreeSummary current) =>
        _acknowledged is { } acked && acked.Counts.Equals(current.Counts) && acked.Extremes.Equals(current.Extremes);

    /// <summary>The delta to send for <paramref name="current"/>, or null when the parent already has it.</summary>
    public SummaryDelta? TakeDelta(SubtreeSummary current)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (IsSettled(current))
        {
            return null;
        }

        var sequence = Remember(current);
        if (_acknowledged is not { } acked)
        {
            return new SummaryDelta(BodyId, Year, Epoch, 0, sequence, current.Counts, current.Extremes);
        }

        return new SummaryDelta(
            BodyId, Year, Epoch, acked.Sequence, sequence,
            current.Counts.Subtract(acked.Counts),
            acked.Extremes.Equals(current.Extremes) ? null : current.Extremes);
    }

    /// <summary>
    /// The whole summary as a delta from nothing, for a parent that rebuilds its soft state and pulls
    /// from its children. It gets a fresh sequence, so any older delta still in transit is ignored as a
    /// duplicate; what the parent holds is learnt from the next receipt as usual.
    /// </summary>
    public SummaryDelta TakeFull(SubtreeSummary current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var sequence = Remember(current);
        return new SummaryDelta(BodyId, Year, Epoch, 0, sequence, current.Counts, current.Extremes);
    }

    /// <summary>Takes in what the parent says it holds.</summary>
    public void Acknowledge(DeltaReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        if (receipt.Epoch == Epoch && receipt.AppliedThrough > _lastSequence)
        {
            // The parent holds more than this outbox ever sent: an earlier outbox of the same body
            // used the same epoch. Continue numbering above it and resend in full.
            _lastSequence = receipt.AppliedThrough;
            _unacknowledged.Clear();
            _acknowledged = null;
            return;
        }

        if (receipt.Epoch != Epoch || receipt.AppliedThrough == 0)
        {
            _acknowledged = null;
            return;
        }

        if (receipt.AppliedThrough == AcknowledgedSequence)
        {
            return;
        }

        var known = _unacknowledged.FindIndex(s => s.Sequence == receipt.AppliedThrough);
        if (known < 0)
        {
            // The parent holds a summary we no longer remember: start over from nothing.
            _acknowledged = null;
            return;
        }

        _acknowledged = _unacknowledged[known];
        _unacknowledged.RemoveRange(0, known + 1);
    }

    private long Remember(SubtreeSummary current)
    {
        var sequence = ++_lastSequence;
        _unacknowledged.Add(new Snapshot(sequence, current.Counts, current.Extremes));
        if (_unacknowledged.Count > RememberedSnapshots)
        {
            _unacknowledged.RemoveAt(0);
        }

        return sequence;
    }

    private sealed record Snapshot(long Sequence, SummaryCounts Counts, SummaryExtremes Extremes);
}
