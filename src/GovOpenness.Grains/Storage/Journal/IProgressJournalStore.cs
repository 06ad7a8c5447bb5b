using GovOpenness.Grains.Storage.Audit;

namespace GovOpenness.Grains.Storage.Journal;

/// <summary>
/// One grain's new record: its key ("{body}/{year}"), its JSON, and the version the writer read
/// (0: it read none). The store writes it only if the stored version still is that one.
/// </summary>
public readonly record struct JournalRecord(string GrainKey, string Payload, long ExpectedVersion);

/// <summary>
/// An act's record (留痕) queued with the journal: <paramref name="GrainKey"/> names the progress
/// record it belongs to (null: an act stored elsewhere, recorded unconditionally).
/// </summary>
public sealed record JournalAudit(string? GrainKey, AuditEntry Entry)
{
    /// <summary>The entries to append: all but those of records whose conditional write was refused.</summary>
    public static IReadOnlyList<AuditEntry> Kept(IReadOnlyList<JournalAudit> audit, IReadOnlySet<string> stale) =>
        [.. audit.Where(a => a.GrainKey is null || !stale.Contains(a.GrainKey)).Select(a => a.Entry)];
}

/// <summary>A stored record and its version (1 for the first write, +1 for each later one).</summary>
public readonly record struct StoredRecord(string Payload, long Version);

/// <summary>
/// Where the progress journal lives (SQLite or PostgreSQL). <see cref="ProgressJournal"/> is its only
/// writer in a silo and hands it whole batches.
/// </summary>
public interface IProgressJournalStore
{
    /// <summary>
    /// Stores every record (keys unique within the batch) in ONE transaction, each only if its stored
    /// version equals <see cref="JournalRecord.ExpectedVersion"/>, and appends the acts' records (留痕)
    /// to the audit chain in the same transaction, except those of refused writes; answers the keys
    /// whose check failed (nothing of those was written). Throws unless the transaction committed.
    /// </summary>
    /// <remarks>
    /// Synchronous: <see cref="ProgressJournal"/> calls it on its own writer thread, which it blocks until
    /// the commit is done. An async commit's every round trip ended in a continuation queued behind the
    /// silo's grain work (on 2 loaded cores, about 15 ms per hop against 1.5 ms of work on the server).
    /// </remarks>
    IReadOnlySet<string> Commit(IReadOnlyList<JournalRecord> batch, IReadOnlyList<JournalAudit> audit);

    /// <summary>The latest stored records of the given keys (in one query); keys without a record are absent.</summary>
    Task<IReadOnlyDictionary<string, StoredRecord>> LoadAsync(IReadOnlyList<string> grainKeys);

    /// <summary>Keys written at or after <paramref name="since"/> (anti-entropy after a membership change).</summary>
    Task<IReadOnlyList<string>> KeysModifiedSinceAsync(DateTimeOffset since);
}
