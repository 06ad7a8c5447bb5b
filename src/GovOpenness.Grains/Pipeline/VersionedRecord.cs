using GovOpenness.Grains.Storage.Audit;
using GovOpenness.Grains.Storage.Journal;

namespace GovOpenness.Grains.Pipeline;

/// <summary>
/// One job of the progress grain: one journal record the activation owns (its progress, its children
/// list, its followers' receipts), each write conditional on the version this activation read or last
/// wrote. A second activation of the same grain (Orleans allows one briefly while membership changes)
/// therefore cannot overwrite what the other acknowledged: the journal refuses the write
/// (<see cref="StaleProgressWriteException"/>), <c>onStale</c> lets the grain leave (its memory is behind
/// the stored record), and the caller gets a retriable failure that reaches a current activation.
/// </summary>
internal sealed class VersionedRecord(ProgressJournal journal, string key, Action onStale)
{
    public string Key => key;

    /// <summary>The version this activation read or last wrote (0: none stored).</summary>
    public long Version { get; private set; }

    /// <summary>Reads the record (null when none is stored) and remembers its version.</summary>
    public async Task<StoredRecord?> LoadAsync()
    {
        var record = await journal.LoadRecordAsync(key);
        Version = record?.Version ?? 0;
        return record;
    }

    /// <summary>Reads what is stored now without taking its version: whether another activation wrote since this one read.</summary>
    public Task<StoredRecord?> LoadStoredAsync() => journal.LoadRecordAsync(key);

    /// <summary>Writes on top of <see cref="Version"/>; throws <see cref="ProgressNotStoredException"/> (after <c>onStale</c>, if stale) when not stored.</summary>
    public Task WriteAsync(string payload, AuditEntry? audit = null) => WriteAsync(payload, audit is null ? [] : [audit]);

    /// <summary>As <see cref="WriteAsync(string, AuditEntry?)"/>, with the records of every act the write holds.</summary>
    public async Task WriteAsync(string payload, IReadOnlyList<AuditEntry> audits)
    {
        try
        {
            Version = await journal.AppendAsync(key, payload, Version, audits);
        }
        catch (StaleProgressWriteException)
        {
            onStale();
            throw;
        }
    }
}
