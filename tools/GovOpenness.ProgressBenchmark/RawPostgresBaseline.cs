using System.Diagnostics;
using Npgsql;

namespace GovOpenness.ProgressBenchmark;

/// <summary>
/// The baseline on PostgreSQL: single-row upsert transactions, one after another on one connection,
/// against the same server the journal writes to, on a table of the journal's shape (a text payload of a
/// record's size). Each statement is its own transaction (autocommit), so each pays one round trip and
/// one commit, as a store without group commit would.
/// </summary>
internal static class RawPostgresBaseline
{
    public static double TransactionsPerSecond(string connectionString, string serviceId, IReadOnlyList<string> keys, int payloadBytes, TimeSpan duration)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        Execute(connection, "CREATE TABLE IF NOT EXISTS progressbenchraw (serviceid varchar(150) NOT NULL, grainkey varchar(300) NOT NULL, payload text NOT NULL, version bigint NOT NULL, modifiedon timestamptz NOT NULL, PRIMARY KEY (serviceid, grainkey));");
        using var upsert = new NpgsqlCommand("INSERT INTO progressbenchraw VALUES (@service, @key, @payload, 1, now()) ON CONFLICT (serviceid, grainkey) DO UPDATE SET payload = excluded.payload, version = progressbenchraw.version + 1, modifiedon = excluded.modifiedon;", connection);
        upsert.Parameters.AddWithValue("service", serviceId);
        var key = upsert.Parameters.AddWithValue("key", "");
        upsert.Parameters.AddWithValue("payload", new string('x', payloadBytes));
        upsert.Prepare();
        var random = new Random(7);
        var done = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration)
        {
            key.Value = keys[random.Next(keys.Count)];
            upsert.ExecuteNonQuery();
            done++;
        }

        var rate = done / watch.Elapsed.TotalSeconds;
        using var clean = new NpgsqlCommand("DELETE FROM progressbenchraw WHERE serviceid = @service;", connection);
        clean.Parameters.AddWithValue("service", serviceId);
        clean.ExecuteNonQuery();
        return rate;
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
