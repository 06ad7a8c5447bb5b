namespace GovOpenness.Grains.Storage.Journal;

/// <summary>
/// One grain's new record: its key ("{body}/{year}"), its JSON, and the version the writer read
/// (0: it read none). The store writes it only if the stored version still is that one.
/// </summary>
public readonly record struct JournalRecord(string GrainKey, string Payload, long ExpectedVersion);

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
    /// version equals <see cref="JournalRecord.ExpectedVersion"/>; answers the keys whose check failed
    /// (nothing of those was written). Throws unless the transaction committed.
    /// </summary>
    Task<IReadOnlySet<string>> CommitAsync(IReadOnlyList<JournalRecord> batch);

    /// <summary>The latest stored records of the given keys (in one query); keys without a record are absent.</summary>
    Task<IReadOnlyDictionary<string, StoredRecord>> LoadAsync(IReadOnlyList<string> grainKeys);

    /// <summary>Keys written at or after <paramref name="since"/> (anti-entropy after a membership change).</summary>
    Task<IReadOnlyList<string>> KeysModifiedSinceAsync(DateTimeOffset since);
}
