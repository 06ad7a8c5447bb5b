using Microsoft.Data.Sqlite;

namespace GovOpenness.Grains.Storage.Journal;

/// <summary>
/// The journal on SQLite (WAL, synchronous=NORMAL as for grain storage): one writer connection kept
/// open, one transaction per batch with a prepared upsert. Microsoft.Data.Sqlite blocks the calling
/// thread, so the writer runs on the journal's own loop (thread pool) and reads go through Task.Run
/// with a cap, never on a grain's thread.
/// </summary>
public sealed class SqliteProgressJournalStore(string path, string serviceId) : IProgressJournalStore, IDisposable
{
    private const string Upsert = """
        INSERT INTO ProgressJournal (ServiceId, GrainKey, Payload, Version, ModifiedOn)
        VALUES ($service, $key, $payload, 1, datetime('now'))
        ON CONFLICT (ServiceId, GrainKey) DO UPDATE SET Payload = excluded.Payload, Version = Version + 1, ModifiedOn = excluded.ModifiedOn;
        """;

    private readonly SemaphoreSlim _reads = new(4, 4);
    private SqliteConnection? _writer;

    public Task CommitAsync(IReadOnlyList<JournalRecord> batch)
    {
        try
        {
            var connection = _writer ??= OpenWriter();
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

            transaction.Commit();
            return Task.CompletedTask;
        }
        catch
        {
            // Start the next batch on a fresh connection: this one may be in any state.
            _writer?.Dispose();
            _writer = null;
            throw;
        }
    }

    public async Task<string?> LoadAsync(string grainKey)
    {
        await _reads.WaitAsync();
        try
        {
            return await Task.Run(() =>
            {
                using var connection = new SqliteConnection(DatabaseSchema.SqliteConnectionString(path));
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT Payload FROM ProgressJournal WHERE ServiceId = $service AND GrainKey = $key;";
                command.Parameters.AddWithValue("$service", serviceId);
                command.Parameters.AddWithValue("$key", grainKey);
                return command.ExecuteScalar() as string;
            });
        }
        finally
        {
            _reads.Release();
        }
    }

    public void Dispose() => _writer?.Dispose();

    private SqliteConnection OpenWriter()
    {
        var connection = new SqliteConnection(DatabaseSchema.SqliteConnectionString(path));
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous=NORMAL;";
        pragma.ExecuteNonQuery();
        return connection;
    }
}
