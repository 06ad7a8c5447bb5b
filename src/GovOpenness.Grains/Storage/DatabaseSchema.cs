using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace GovOpenness.Grains.Storage;

/// <summary>
/// Applies the project's own SQL scripts (embedded next to this file) at start-up. Every script is
/// idempotent, so applying it to an existing database changes nothing but the query texts.
/// </summary>
public static class DatabaseSchema
{
    /// <summary>The invariant Orleans is given for SQLite; it is mapped to Microsoft.Data.Sqlite.</summary>
    public const string SqliteInvariant = "System.Data.SQLite";

    public const string PostgresInvariant = "Npgsql";

    public static string SqliteConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Pooling = true,
        DefaultTimeout = 60,
    }.ToString();

    /// <summary>
    /// Opens a connection to the SQLite file the way every writer here uses it. WAL lets readers run
    /// beside the one writer (the default rollback journal fails with "database is locked" under
    /// concurrent grain writes); synchronous=NORMAL is per connection, and in WAL mode loses no committed
    /// transaction on a process crash, only possibly the last ones on a power cut.
    /// </summary>
    public static SqliteConnection OpenSqlite(string path)
    {
        var connection = new SqliteConnection(SqliteConnectionString(path));
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
        return connection;
    }

    public static void ApplySqlite(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        RegisterSqliteFactory();
        using var connection = OpenSqlite(path);
        Execute(connection, Script("sqlite-storage.sql"));
        Execute(connection, Script("sqlite-progress-journal.sql"));
        Execute(connection, Script("sqlite-accounts.sql"));
        Execute(connection, Script("sqlite-audit.sql"));
        Execute(connection, Script("sqlite-milestone-notes.sql"));
    }

    public static void ApplyPostgres(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();

        // Several silos may start at once: one applies the scripts while the others wait.
        Execute(connection, "SELECT pg_advisory_lock(7402411);");
        try
        {
            Execute(connection, Script("postgres-storage.sql"));
            Execute(connection, Script("postgres-clustering.sql"));
            Execute(connection, Script("postgres-reminders.sql"));
            Execute(connection, Script("postgres-progress-journal.sql"));
            Execute(connection, Script("postgres-accounts.sql"));
            Execute(connection, Script("postgres-audit.sql"));
            Execute(connection, Script("postgres-milestone-notes.sql"));
            Execute(connection, Script("postgres-evidence.sql"));
        }
        finally
        {
            Execute(connection, "SELECT pg_advisory_unlock(7402411);");
        }
    }

    public static void RegisterSqliteFactory()
    {
        if (!DbProviderFactories.TryGetFactory(SqliteInvariant, out _))
        {
            DbProviderFactories.RegisterFactory(SqliteInvariant, SqliteFactory.Instance);
        }
    }

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Script(string name)
    {
        using var stream = typeof(DatabaseSchema).Assembly.GetManifestResourceStream($"sql/{name}")
            ?? throw new InvalidOperationException($"Embedded SQL script {name} is missing from GovOpenness.Grains.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
