using System.Diagnostics;
using GovOpenness.Grains.Storage;
using Microsoft.Data.Sqlite;

namespace GovOpenness.CascadeBenchmark;

/// <summary>The second limit: one single-row upsert transaction per body, straight to SQLite (WAL, synchronous=NORMAL).</summary>
internal static class RawSqliteLimit
{
    public static TimeSpan Measure(string path, IReadOnlyList<string> bodyIds)
    {
        // The same durability the grain storage and the journal use: WAL with synchronous=NORMAL.
        using var connection = DatabaseSchema.OpenSqlite(path);
        Execute(connection, "CREATE TABLE IF NOT EXISTS BodyState (Id TEXT PRIMARY KEY, Payload BLOB NOT NULL, Version INTEGER NOT NULL) WITHOUT ROWID;");
        using var upsert = connection.CreateCommand();
        upsert.CommandText = "INSERT INTO BodyState (Id, Payload, Version) VALUES ($id, $payload, 1) ON CONFLICT (Id) DO UPDATE SET Payload = excluded.Payload, Version = Version + 1;";
        var id = upsert.Parameters.Add("$id", SqliteType.Text);
        var payload = upsert.Parameters.Add("$payload", SqliteType.Blob);
        payload.Value = new byte[64];
        var watch = Stopwatch.StartNew();
        foreach (var body in bodyIds)
        {
            using var transaction = connection.BeginTransaction();
            upsert.Transaction = transaction;
            id.Value = body;
            upsert.ExecuteNonQuery();
            transaction.Commit();
        }

        return watch.Elapsed;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
