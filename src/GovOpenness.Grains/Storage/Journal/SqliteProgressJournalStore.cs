using GovOpenness.Grains.Storage.Audit;
using Microsoft.Data.Sqlite;

namespace GovOpenness.Grains.Storage.Journal;

/// <summary>
/// The journal on SQLite (WAL, synchronous=NORMAL as for grain storage): one writer connection kept
/// open, one transaction per batch with two prepared statements (insert a first record, update a
/// known version), and one reader connection answering a batch of keys with one query (WAL lets it
/// read beside the writer). Microsoft.Data.Sqlite blocks the calling thread, so both run on the
/// journal's own loops (commits on its writer thread, loads on the thread pool), never on a grain's thread.
/// </summary>
/// <remarks>
/// Checkpoints (copying the WAL back into the database file, with two fsyncs) run on a thread of their
/// own (<see cref="WalCheckpointer"/>), not inside the writer's commits: with SQLite's default every
/// 1,000th page committed made one batch's commit pay for all of them (two fsyncs, and a page updated
/// ten times in the WAL copied each time it crossed a checkpoint); with checkpoints rarer and off the
/// writer, its records/s rose about 1.5× (<c>--store-only</c>, BENCHMARKS.md). The writer's own automatic
/// checkpoint stays as a bound at <see cref="WriterAutoCheckpointPages"/> pages (128 MB of WAL): it then
/// copies only what the background checkpoint has not, and lets the WAL start over from its beginning.
/// </remarks>
public sealed class SqliteProgressJournalStore(string path, string serviceId) : IProgressJournalStore, IDisposable
{
    // Conditional on the version the writer read: a stale writer changes no row (and learns it).
    private const string Insert = """
        INSERT INTO ProgressJournal (ServiceId, GrainKey, Payload, Version, ModifiedOn)
        VALUES ($service, $key, $payload, 1, datetime('now'))
        ON CONFLICT (ServiceId, GrainKey) DO NOTHING;
        """;

    private const string Update = """
        UPDATE ProgressJournal SET Payload = $payload, Version = $expected + 1, ModifiedOn = datetime('now')
        WHERE ServiceId = $service AND GrainKey = $key AND Version = $expected;
        """;

    /// <summary>Pages in the WAL at which the writer checkpoints itself (SQLite's default: 1,000).</summary>
    public const int WriterAutoCheckpointPages = 32_768;

    /// <summary>
    /// The writer's page cache, in KiB (SQLite's default: 2 MB). A township's record under load is 1.6–3.7 KB,
    /// more than a page of this table holds locally, so it spills into an overflow page; the whole country's
    /// 41,352 records are a few hundred MB of pages. With the default the writer read most pages back from the
    /// OS (a system call and a copy each) before changing them: 128 MB cut its CPU per 1,600-character record
    /// from 52 to 42 µs (`ProgressBenchmark --store-only`, issue 16). Filled only as pages are read, so a small
    /// deployment never holds it all.
    /// </summary>
    public const int WriterCacheKiB = 131_072;

    /// <summary>Records committed between two requests to the background checkpoint (a record is a few pages).</summary>
    public const int CheckpointEveryRecords = 2_048;

    private readonly WalCheckpointer _checkpointer = new(path);
    private int _sinceCheckpoint;

    /// <summary>Completes when the next background checkpoint has run (WAL pages, pages copied into the database file).</summary>
    internal Task<(long WalPages, long Copied)> NextCheckpoint => _checkpointer.Next;
    private SqliteConnection? _writer;
    private SqliteConnection? _reader;

    // The record's per-body index (AuditBodyIndex): the mark it reached and the last record this writer appended.
    private long _indexed = -1;
    private long _appended;

    public IReadOnlySet<string> Commit(IReadOnlyList<JournalRecord> batch, IReadOnlyList<JournalAudit> audit)
    {
        try
        {
            var connection = _writer ??= OpenWriter();

            // Before the batch, not after: the batch's callers are not kept waiting for the pass.
            if (_indexed < 0 || _appended - _indexed >= AuditBodyIndex.PassThreshold)
            {
                // Microsoft.Data.Sqlite completes its async calls synchronously: this does not wait for a thread.
                _indexed = AuditBodyIndex.CatchUpAsync(connection, serviceId).GetAwaiter().GetResult();
            }

            using var transaction = connection.BeginTransaction();
            using var insert = Prepare(connection, transaction, Insert);
            using var update = Prepare(connection, transaction, Update);
            var stale = new HashSet<string>(StringComparer.Ordinal);
            foreach (var record in batch)
            {
                var command = record.ExpectedVersion == 0 ? insert : update;
                command.Parameters["$key"].Value = record.GrainKey;
                command.Parameters["$payload"].Value = record.Payload;
                command.Parameters["$expected"].Value = record.ExpectedVersion;
                if (command.ExecuteNonQuery() != 1)
                {
                    stale.Add(record.GrainKey);
                }
            }

            // The acts' records in the same transaction: a step is never stored without its record.
            // A refused (stale) write is no act: its record is left out with it.
            var last = AuditChain.Append(connection, transaction, serviceId, JournalAudit.Kept(audit, stale), postgres: false);
            transaction.Commit();
            _appended = Math.Max(_appended, last);
            _sinceCheckpoint += batch.Count + audit.Count;
            if (_sinceCheckpoint >= CheckpointEveryRecords)
            {
                _sinceCheckpoint = 0;
                _checkpointer.Request();
            }

            return stale;
        }
        catch
        {
            // Start the next batch on a fresh connection: this one may be in any state.
            _writer?.Dispose();
            _writer = null;
            throw;
        }
    }

    public Task<IReadOnlyDictionary<string, StoredRecord>> LoadAsync(IReadOnlyList<string> grainKeys)
    {
        try
        {
            var connection = _reader ??= Open();
            using var command = connection.CreateCommand();
            command.Parameters.AddWithValue("$service", serviceId);
            var names = new string[grainKeys.Count];
            for (var i = 0; i < grainKeys.Count; i++)
            {
                names[i] = "$k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                command.Parameters.AddWithValue(names[i], grainKeys[i]);
            }

            command.CommandText = $"SELECT GrainKey, Payload, Version FROM ProgressJournal WHERE ServiceId = $service AND GrainKey IN ({string.Join(", ", names)});";
            var found = new Dictionary<string, StoredRecord>(StringComparer.Ordinal);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                found[reader.GetString(0)] = new StoredRecord(reader.GetString(1), reader.GetInt64(2));
            }

            return Task.FromResult<IReadOnlyDictionary<string, StoredRecord>>(found);
        }
        catch
        {
            _reader?.Dispose();
            _reader = null;
            throw;
        }
    }

    public Task<IReadOnlyList<string>> KeysModifiedSinceAsync(DateTimeOffset since)
    {
        // Its own connection: called rarely, from the reconciler, beside the journal's loops.
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT GrainKey FROM ProgressJournal WHERE ServiceId = $service AND ModifiedOn >= $since;";
        command.Parameters.AddWithValue("$service", serviceId);
        command.Parameters.AddWithValue("$since", since.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        var keys = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            keys.Add(reader.GetString(0));
        }

        return Task.FromResult<IReadOnlyList<string>>(keys);
    }

    public void Dispose()
    {
        _checkpointer.Dispose();
        _writer?.Dispose();
        _reader?.Dispose();
    }

    private SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$service", serviceId);
        command.Parameters.Add("$key", SqliteType.Text);
        command.Parameters.Add("$payload", SqliteType.Text);
        command.Parameters.Add("$expected", SqliteType.Integer);
        command.Prepare();
        return command;
    }

    private SqliteConnection Open() => DatabaseSchema.OpenSqlite(path);

    private SqliteConnection OpenWriter()
    {
        var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_autocheckpoint={WriterAutoCheckpointPages}; PRAGMA cache_size=-{WriterCacheKiB};";
        command.ExecuteNonQuery();
        return connection;
    }
}
