using GovOpenness.Grains.Storage.Audit;
using Microsoft.Data.Sqlite;

namespace GovOpenness.Grains.Storage.Journal;

/// <summary>
/// The journal on SQLite (WAL, synchronous=NORMAL as for grain storage): one writer connection kept
/// open, one transaction per batch with a prepared upsert, and one reader connection answering a batch
/// of keys with one query (WAL lets it read beside the writer). Microsoft.Data.Sqlite blocks the
/// calling thread, so both run on the journal's own loops (thread pool), never on a grain's thread.
/// </summary>
public sealed class SqliteProgressJournalStore(string path, string serviceId) : IProgressJournalStore, IDisposable
{
    private const string Upsert = """
        INSERT INTO ProgressJournal (ServiceId, GrainKey, Payload, Version, ModifiedOn)
        VALUES ($service, $key, $payload, 1, datetime('now'))
        ON CONFLICT (ServiceId, GrainKey) DO UPDATE SET Payload = excluded.Payload, Version = Version + 1, ModifiedOn = excluded.ModifiedOn;
        """;

    private SqliteConnection? _writer;
    private SqliteConnection? _reader;

    public async Task CommitAsync(IReadOnlyList<JournalRecord> batch, IReadOnlyList<AuditEntry> audit)
    {
        try
        {
            var connection = _writer ??= Open();
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Upsert;
            command.Parameters.AddWithValue("$service", serviceId);
            var key = command.Parameters.Add("$key", SqliteType.Text);
            var payload = command.Parameters.Add("$payload", SqliteType.Text);
            command.Prepare();
            foreach (var record in batch)
            {
                key.Value = record.GrainKey;
                payload.Value = record.Payload;
                command.ExecuteNonQuery();
            }

            // The acts' records in the same transaction: a step is never stored without its record.
            await AuditChain.AppendAsync(connection, transaction, serviceId, audit, postgres: false);
            transaction.Commit();
        }
        catch
        {
            // Start the next batch on a fresh connection: this one may be in any state.
            _writer?.Dispose();
            _writer = null;
            throw;
        }
    }

    public Task<IReadOnlyDictionary<string, string>> LoadAsync(IReadOnlyList<string> grainKeys)
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

            command.CommandText = $"SELECT GrainKey, Payload FROM ProgressJournal WHERE ServiceId = $service AND GrainKey IN ({string.Join(", ", names)});";
            var found = new Dictionary<string, string>(StringComparer.Ordinal);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                found[reader.GetString(0)] = reader.GetString(1);
            }

            return Task.FromResult<IReadOnlyDictionary<string, string>>(found);
        }
        catch
        {
            _reader?.Dispose();
            _reader = null;
            throw;
        }
    }

    public void Dispose()
    {
        _writer?.Dispose();
        _reader?.Dispose();
    }

    private SqliteConnection Open() => DatabaseSchema.OpenSqlite(path);
}
