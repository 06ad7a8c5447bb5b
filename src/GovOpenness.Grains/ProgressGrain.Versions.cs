using GovOpenness.Grains.Storage.Journal;

namespace GovOpenness.Grains;

/// <summary>
/// Stale activations. Every journal write names the version this activation read; when another
/// activation of the same grain wrote since, the journal refuses the write
/// (<see cref="StaleProgressWriteException"/>). This activation's memory is then behind the stored
/// record, so it deactivates: the caller gets a retriable failure and its retry reaches an activation
/// that reads the current record.
/// </summary>
public sealed partial class ProgressGrain
{
    /// <summary>Set once a write was refused as stale: this activation sends nothing more upward.</summary>
    private bool _stale;

    private void LeaveIfStale(ProgressNotStoredException e)
    {
        if (e is StaleProgressWriteException)
        {
            _stale = true;
            _outbox = null;
            DeactivateOnIdle();
        }
    }

    /// <summary>Writes a record conditionally and answers its new version; throws (after leaving, if stale) when not stored.</summary>
    private async Task<long> AppendOrLeaveAsync(string key, string payload, long expectedVersion)
    {
        try
        {
            return await journal.AppendAsync(key, payload, expectedVersion);
        }
        catch (ProgressNotStoredException e)
        {
            LeaveIfStale(e);
            throw;
        }
    }
}
