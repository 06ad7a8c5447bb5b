using GovOpenness.Grains.Storage.Audit;

namespace GovOpenness.Grains.Storage.Journal;

/// <summary>One grain's latest progress record: its key ("{body}/{year}") and its JSON.</summary>
public readonly record struct JournalRecord(string GrainKey, string Payload);

/// <summary>
/// Where the progress journal lives (SQLite or PostgreSQL). <see cref="ProgressJournal"/> is its only
/// writer in a silo and hands it whole batches.
/// </summary>
public interface IProgressJournalStore
{
    /// <summary>
    /// Stores every record (keys unique within the batch) and appends every act's record (留痕) to the
    /// audit chain, in ONE transaction; throws unless it committed.
    /// </summary>
    Task CommitAsync(IReadOnlyList<JournalRecord> batch, IReadOnlyList<AuditEntry> audit);

    /// <summary>The latest stored records of the given keys (in one query); keys without a record are absent.</summary>
    Task<IReadOnlyDictionary<string, string>> LoadAsync(IReadOnlyList<string> grainKeys);
}
