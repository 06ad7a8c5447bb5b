using GovOpenness.Grains.Storage;
using Npgsql;

namespace GovOpenness.Server.Tests;

/// <summary>
/// A silo starting beside running ones applies no DDL on PostgreSQL: the scripts it would run are
/// recorded by hash, so its start takes no table lock that could join the running silos' writes in a
/// deadlock. A script whose text changed is applied again.
/// </summary>
public sealed class PostgresSchemaTests
{
    [PostgresFact]
    public void A_second_start_takes_no_table_lock_and_a_changed_script_is_applied_again()
    {
        // A database of its own: the test changes a recorded hash and holds a lock, which the test clusters
        // running meanwhile on the shared one must not meet.
        var server = PostgresFactAttribute.Require();
        var database = "schema_" + Guid.NewGuid().ToString("N");
        using (var admin = new NpgsqlConnection(server))
        {
            admin.Open();
            Execute(admin, $"CREATE DATABASE {database};");
        }

        try
        {
            Run(new NpgsqlConnectionStringBuilder(server) { Database = database, Pooling = false }.ConnectionString);
        }
        finally
        {
            using var admin = new NpgsqlConnection(server);
            admin.Open();
            Execute(admin, $"DROP DATABASE IF EXISTS {database} WITH (FORCE);");
        }
    }

    private static void Run(string connectionString)
    {
        DatabaseSchema.ApplyPostgres(connectionString);

        // Another session writes to the record: it holds the lock every insert holds, which a CREATE INDEX
        // (even IF NOT EXISTS) or DROP TRIGGER would wait for. lock_timeout turns that wait into an error.
        var impatient = new NpgsqlConnectionStringBuilder(connectionString) { Options = "-c lock_timeout=3000" }.ConnectionString;
        using var writer = new NpgsqlConnection(connectionString);
        writer.Open();
        using var transaction = writer.BeginTransaction();
        Execute(writer, "LOCK TABLE AuditRecord IN ROW EXCLUSIVE MODE;");

        DatabaseSchema.ApplyPostgres(impatient);

        // The audit script changed since (its recorded hash differs): it is run again, so it now waits.
        using (var admin = new NpgsqlConnection(connectionString))
        {
            admin.Open();
            Execute(admin, "UPDATE SchemaScript SET Sha256 = 'older' WHERE Name = 'postgres-audit.sql';");
        }

        var waited = Assert.Throws<PostgresException>(() => DatabaseSchema.ApplyPostgres(impatient));
        Assert.Equal(PostgresErrorCodes.LockNotAvailable, waited.SqlState);

        transaction.Rollback();
        DatabaseSchema.ApplyPostgres(impatient);
        using var check = new NpgsqlConnection(connectionString);
        check.Open();
        using var read = new NpgsqlCommand("SELECT Sha256 FROM SchemaScript WHERE Name = 'postgres-audit.sql';", check);
        Assert.Matches("^[0-9A-F]{64}$", (string)read.ExecuteScalar()!);
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
