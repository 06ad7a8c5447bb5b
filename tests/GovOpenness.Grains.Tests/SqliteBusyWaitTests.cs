using GovOpenness.Grains.Storage;
using Microsoft.Data.Sqlite;

namespace GovOpenness.Grains.Tests;

/// <summary>
/// Issue 16 (replay on 吕梁): two SQLite writers that met made the second sleep 150 ms in
/// Microsoft.Data.Sqlite's own retry. Every connection of the process, also one opened the way Orleans'
/// storage opens its own (the factory's connection, the connection string, Open), now waits for the write
/// lock inside SQLite (<see cref="SqliteBusyWait"/>), and writers that meet all commit.
/// </summary>
public sealed class SqliteBusyWaitTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "govopenness-busy-" + Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_dataDirectory, "govopenness.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    [Fact]
    public void A_connection_opened_like_orleans_opens_its_own_waits_for_the_write_lock_as_do_the_projects_own()
    {
        DatabaseSchema.ApplySqlite(DatabasePath);

        using var asOrleans = SqliteFactory.Instance.CreateConnection();
        asOrleans.ConnectionString = DatabaseSchema.SqliteConnectionString(DatabasePath);
        asOrleans.Open();
        using var own = DatabaseSchema.OpenSqlite(DatabasePath);

        Assert.Equal((long)SqliteBusyWait.Timeout.TotalMilliseconds, BusyTimeout(asOrleans));
        Assert.Equal((long)SqliteBusyWait.Timeout.TotalMilliseconds, BusyTimeout(own));
    }

    [Fact]
    public async Task Writers_on_separate_connections_that_meet_all_commit()
    {
        DatabaseSchema.ApplySqlite(DatabasePath);
        using (var setup = DatabaseSchema.OpenSqlite(DatabasePath))
        {
            Execute(setup, "CREATE TABLE Meeting (Writer INTEGER NOT NULL, Row INTEGER NOT NULL);");
        }

        // Eight writers, each its own connection and 50 transactions, all at once.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(() =>
        {
            using var connection = DatabaseSchema.OpenSqlite(DatabasePath);
            for (var row = 0; row < 50; row++)
            {
                using var transaction = connection.BeginTransaction();
                using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = $"INSERT INTO Meeting (Writer, Row) VALUES ({writer}, {row});";
                insert.ExecuteNonQuery();
                transaction.Commit();
            }
        })));

        using var check = DatabaseSchema.OpenSqlite(DatabasePath);
        using var count = check.CreateCommand();
        count.CommandText = "SELECT count(*) FROM Meeting;";
        Assert.Equal(400L, (long)count.ExecuteScalar()!);
    }

    private static long BusyTimeout(System.Data.Common.DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout;";
        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
