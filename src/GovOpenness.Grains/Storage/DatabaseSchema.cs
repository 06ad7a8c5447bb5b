using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace GovOpenness.Grains.Storage;

/// <summary>
/// Applies the project's own SQL scripts (embedded next to this file) at start-up. Every script is
/// idempotent, so applying it to an existing database changes nothing but the query texts; on
/// PostgreSQL a script already applied in the same text is not run again.
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
    /// transaction on a process crash, only possibly the last ones on a power cut. A writer that meets another
    /// waits for the lock inside SQLite (<see cref="SqliteBusyWait"/>).
    /// </summary>
    public static SqliteConnection OpenSqlite(string path)
    {
        SqliteBusyWait.EnsureForEveryConnection();
        var connection = new SqliteConnection(SqliteConnectionString(path));
        connection.Open();
        SqliteBusyWait.Apply(connection);
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
        return connection;
    }

    public static void ApplySqlite(string path)
    {
        // Before any connection, so Orleans' pooled connections wait for the write lock too (SqliteBusyWait).
        SqliteBusyWait.EnsureForEveryConnection();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        RegisterSqliteFactory();
        using var connection = OpenSqlite(path);
        Execute(connection, Script("sqlite-storage.sql"));
        Execute(connection, Script("sqlite-progress-journal.sql"));
        Execute(connection, Script("sqlite-accounts.sql"));
        Execute(connection, Script("sqlite-audit.sql"));
        Execute(connection, Script("sqlite-milestone-notes.sql"));
    }

    /// <summary>The PostgreSQL scripts in the order they are applied.</summary>
    private static readonly string[] PostgresScripts =
    [
        "postgres-storage.sql", "postgres-clustering.sql", "postgres-reminders.sql", "postgres-progress-journal.sql",
        "postgres-accounts.sql", "postgres-audit.sql", "postgres-milestone-notes.sql", "postgres-evidence.sql",
    ];

    /// <summary>
    /// Applies each PostgreSQL script that this database has not yet run in this exact text (a script's
    /// SHA-256 is kept in <c>SchemaScript</c>), so a silo joining a running cluster runs no DDL at all.
    /// Why: an idempotent script still takes table locks (CREATE INDEX IF NOT EXISTS a share lock, DROP
    /// TRIGGER an exclusive one) and holds them to the end of its implicit transaction; run while other
    /// silos write, it can join their journal and record transactions in a deadlock that PostgreSQL breaks
    /// by failing a write (the likely cause, not proven, of one "deadlock detected" in AuditBatchTests while
    /// test clusters started beside it).
    /// </summary>
    public static void ApplyPostgres(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();

        // Several silos may start at once: one applies the scripts while the others wait.
        Execute(connection, "SELECT pg_advisory_lock(7402411);");
        try
        {
            Execute(connection, "CREATE TABLE IF NOT EXISTS SchemaScript (Name TEXT PRIMARY KEY, Sha256 TEXT NOT NULL, AppliedAt TIMESTAMPTZ NOT NULL DEFAULT now());");
            var applied = AppliedScripts(connection);
            foreach (var name in PostgresScripts)
            {
                var text = Script(name);
                var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
                if (applied.GetValueOrDefault(name) == hash)
                {
                    continue;
                }

                Execute(connection, text);
                using var noted = new NpgsqlCommand(
                    "INSERT INTO SchemaScript (Name, Sha256) VALUES (@name, @hash) ON CONFLICT (Name) DO UPDATE SET Sha256 = excluded.Sha256, AppliedAt = now();",
                    connection);
                noted.Parameters.AddWithValue("name", name);
                noted.Parameters.AddWithValue("hash", hash);
                noted.ExecuteNonQuery();
            }
        }
        finally
        {
            Execute(connection, "SELECT pg_advisory_unlock(7402411);");
        }
    }

    private static Dictionary<string, string> AppliedScripts(NpgsqlConnection connection)
    {
        var applied = new Dictionary<string, string>(StringComparer.Ordinal);
        using var command = new NpgsqlCommand("SELECT Name, Sha256 FROM SchemaScript;", connection);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            applied[reader.GetString(0)] = reader.GetString(1);
        }

        return applied;
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
