using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GovOpenness.Grains.Storage.Audit;

/// <summary>
/// Appends records to the chain inside the caller's transaction: reads the last record's sequence
/// number and hash, then inserts each entry with the next number and a hash over the previous hash and
/// its own fields. Appends are serialized by the database (SQLite: the transaction holds the write
/// lock from BEGIN IMMEDIATE; PostgreSQL: a transaction-scoped advisory lock), so two silos never fork
/// the chain. A changed field breaks the record's hash, a removed record breaks the next one's link.
/// </summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first record.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    private const long PostgresLock = 7402412;

    public static async Task AppendAsync(DbConnection connection, DbTransaction transaction, string serviceId, IReadOnlyList<AuditEntry> entries, bool postgres)
    {
        if (entries.Count == 0)
        {
            return;
        }

        if (postgres)
        {
            await using var lockCommand = Command(connection, transaction, $"SELECT pg_advisory_xact_lock({PostgresLock});");
            await lockCommand.ExecuteNonQueryAsync();
        }

        long seq = 0;
        var previous = Genesis;
        await using (var tail = Command(connection, transaction, "SELECT Seq, Hash FROM AuditRecord WHERE ServiceId = @service ORDER BY Seq DESC LIMIT 1;"))
        {
            Add(tail, "service", serviceId);
            await using var reader = await tail.ExecuteReaderAsync();
            if (await reader.ReadAsync())
            {
                (seq, previous) = (reader.GetInt64(0), reader.GetString(1));
            }
        }

        await using var insert = Command(connection, transaction, """
            INSERT INTO AuditRecord (ServiceId, Seq, At, Account, BodyId, Kind, Summary, RequestId, ClientAddress, PrevHash, Hash)
            VALUES (@service, @seq, @at, @account, @body, @kind, @summary, @request, @address, @prev, @hash);
            """);
        foreach (var raw in entries)
        {
            var entry = raw.Shortened();
            seq++;
            var hash = Hash(seq, entry, previous);
            insert.Parameters.Clear();
            Add(insert, "service", serviceId);
            Add(insert, "seq", seq);
            Add(insert, "at", FormatTime(entry.At));
            Add(insert, "account", entry.Account);
            Add(insert, "body", entry.BodyId);
            Add(insert, "kind", entry.Kind);
            Add(insert, "summary", entry.Summary);
            Add(insert, "request", entry.RequestId);
            Add(insert, "address", entry.ClientAddress);
            Add(insert, "prev", previous);
            Add(insert, "hash", hash);
            await insert.ExecuteNonQueryAsync();
            previous = hash;
        }
    }

    /// <summary>SHA-256 over the previous hash and every stored field, unit-separated, as lower-case hex.</summary>
    public static string Hash(long seq, AuditEntry entry, string previousHash)
    {
        var text = string.Join('\u001f',
            previousHash, seq.ToString(CultureInfo.InvariantCulture), FormatTime(entry.At), entry.Account, entry.BodyId ?? "",
            entry.Kind, entry.Summary, entry.RequestId ?? "", entry.ClientAddress ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>UTC, fixed width: sorts as text the way it sorts as time, in both databases.</summary>
    public static string FormatTime(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    internal static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    internal static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
