using System.Diagnostics;
using GovOpenness.Grains.Storage;
using Microsoft.Data.Sqlite;

namespace GovOpenness.ProgressBenchmark;

/// <summary>
/// The baseline: single-row upsert transactions straight to SQLite, one after another, on the same
/// kind of file and table as the journal (WAL, synchronous=NORMAL, a text payload of a record's size).
/// </summary>
internal static class RawSqliteBaseline
{
    public static double TransactionsPerSecond(string path, IReadOnlyList<string> keys, int payloadBytes, TimeSpan duration)
    {
        // The same durability the grain storage and the journal use: WAL with synchronous=NORMAL.
        using var connection = DatabaseSchema.OpenSqlite(path);
        Execute(connection, "CREATE TABLE IF NOT EXISTS Raw (ServiceId TEXT NOT NULL, GrainKey TEXT NOT NULL, Payload TEXT NOT NULL, Version INTEGER NOT NULL, ModifiedOn TEXT NOT NULL, PRIMARY KEY (ServiceId, GrainKey)) WITHOUT ROWID;");
        using var upsert = connection.CreateCommand();
        upsert.CommandText = "INSERT INTO Raw VALUES ('bench', $key, $payload, 1, datetime('now')) ON CONFLICT (ServiceId, GrainKey) DO UPDATE SET Payload = excluded.Payload, Version = Version + 1, ModifiedOn = excluded.ModifiedOn;";
        var key = upsert.Parameters.Add("$key", SqliteType.Text);
        upsert.Parameters.AddWithValue("$payload", new string('x', payloadBytes));
        var random = new Random(7);
        var done = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration)
        {
            using var transaction = connection.BeginTransaction();
            upsert.Transaction = transaction;
            key.Value = keys[random.Next(keys.Count)];
            upsert.ExecuteNonQuery();
            transaction.Commit();
            done++;
        }

        return done / watch.Elapsed.TotalSeconds;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
