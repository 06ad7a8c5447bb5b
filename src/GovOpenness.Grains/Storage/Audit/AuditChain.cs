using System.Buffers;
using System.Data.Common;
using System.Diagnostics;
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

    /// <summary>Most records one PostgreSQL INSERT carries (one array element each).</summary>
    public const int MaxRowsPerStatement = 1_000;

    // SQLite runs in-process: one prepared single-row INSERT executed per record costs no round trip,
    // and binding is cheapest with the parameters created once and only their values set per row.
    private const string SqliteInsert = """
        INSERT INTO AuditRecord (ServiceId, Seq, At, Account, BodyId, Kind, Summary, RequestId, ClientAddress, PrevHash, Hash)
        VALUES (@service, @seq, @at, @account, @body, @kind, @summary, @request, @address, @prev, @hash);
        """;

    // PostgreSQL: a batch's records are ONE statement over ten arrays unpacked by unnest, so a journal
    // batch of N steps costs one round trip for its records instead of N.
    private const string PostgresInsert = """
        INSERT INTO AuditRecord (ServiceId, Seq, At, Account, BodyId, Kind, Summary, RequestId, ClientAddress, PrevHash, Hash)
        SELECT @service, r.seq, r.at, r.account, r.body, r.kind, r.summary, r.request, r.address, r.prev, r.hash
        FROM unnest(@seq, @at, @account, @body, @kind, @summary, @request, @address, @prev, @hash)
            AS r (seq, at, account, body, kind, summary, request, address, prev, hash)
        ORDER BY r.seq;
        """;

    /// <summary>Appends the entries in order; answers the last record's number (0: nothing appended).</summary>
    public static Task<long> AppendAsync(DbConnection connection, DbTransaction transaction, string serviceId, IReadOnlyList<AuditEntry> entries, bool postgres) =>
        AppendCoreAsync(connection, transaction, serviceId, entries, postgres, useAsync: true);

    /// <summary>
    /// As <see cref="AppendAsync"/>, on the calling thread with the driver's synchronous calls: for the
    /// journal's own writer thread, whose commits would otherwise wait for a thread-pool thread after
    /// every round trip (see <see cref="Journal.ProgressJournal"/>).
    /// </summary>
    public static long Append(DbConnection connection, DbTransaction transaction, string serviceId, IReadOnlyList<AuditEntry> entries, bool postgres)
    {
        var appended = AppendCoreAsync(connection, transaction, serviceId, entries, postgres, useAsync: false);
        Debug.Assert(appended.IsCompleted, "without useAsync nothing awaits");
        return appended.GetAwaiter().GetResult();
    }

    // One body for both: with useAsync false every call is the driver's synchronous one, so the task
    // returned has already completed (the pattern Npgsql's own code uses for its sync and async paths).
    private static async Task<long> AppendCoreAsync(DbConnection connection, DbTransaction transaction, string serviceId, IReadOnlyList<AuditEntry> entries, bool postgres, bool useAsync)
    {
        if (entries.Count == 0)
        {
            return 0;
        }

        if (postgres)
        {
            using var lockCommand = Command(connection, transaction, $"SELECT pg_advisory_xact_lock({PostgresLock});");
            _ = useAsync ? await lockCommand.ExecuteNonQueryAsync() : lockCommand.ExecuteNonQuery();
        }

        long seq = 0;
        var previous = Genesis;
        using (var tail = Command(connection, transaction, "SELECT Seq, Hash FROM AuditRecord WHERE ServiceId = @service ORDER BY Seq DESC LIMIT 1;"))
        {
            Add(tail, "service", serviceId);
            var reader = useAsync ? await tail.ExecuteReaderAsync() : tail.ExecuteReader();
            try
            {
                if (useAsync ? await reader.ReadAsync() : reader.Read())
                {
                    (seq, previous) = (reader.GetInt64(0), reader.GetString(1));
                }
            }
            finally
            {
                // Closing a reader may read the rest of the result from the server: the same way as the rest.
                if (useAsync)
                {
                    await reader.DisposeAsync();
                }
                else
                {
                    reader.Dispose();
                }
            }
        }

        // The whole batch is chained in memory (under the database's append lock), then inserted.
        var chained = Chain(seq, previous, entries);
        if (postgres)
        {
            for (var from = 0; from < chained.Count; from += MaxRowsPerStatement)
            {
                var rows = chained.GetRange(from, Math.Min(MaxRowsPerStatement, chained.Count - from));
                using var insert = PostgresRows(connection, transaction, serviceId, rows);
                var inserted = useAsync ? await insert.ExecuteNonQueryAsync() : insert.ExecuteNonQuery();
                if (inserted != rows.Count)
                {
                    throw new InvalidOperationException($"操作记录写入不完整：应写入{rows.Count}条，实际{inserted}条");
                }
            }
        }
        else
        {
            // Microsoft.Data.Sqlite runs in-process: its async calls complete synchronously anyway.
            InsertSqlite(connection, transaction, serviceId, chained);
        }

        return chained[^1].Seq;
    }

    /// <summary>Numbers and links the entries after the record (<paramref name="seq"/>, <paramref name="previousHash"/>): each hash covers the one before it.</summary>
    public static List<AuditRecord> Chain(long seq, string previousHash, IReadOnlyList<AuditEntry> entries)
    {
        var chained = new List<AuditRecord>(entries.Count);
        foreach (var raw in entries)
        {
            var entry = raw.Shortened();
            seq++;
            var hash = Hash(seq, entry, previousHash);
            chained.Add(new AuditRecord(seq, entry, previousHash, hash));
            previousHash = hash;
        }

        return chained;
    }

    private static void InsertSqlite(DbConnection connection, DbTransaction transaction, string serviceId, List<AuditRecord> rows)
    {
        using var insert = Command(connection, transaction, SqliteInsert);
        Add(insert, "@service", serviceId);
        string[] names = ["@seq", "@at", "@account", "@body", "@kind", "@summary", "@request", "@address", "@prev", "@hash"];
        var parameters = new DbParameter[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            parameters[i] = insert.CreateParameter();
            parameters[i].ParameterName = names[i];
            insert.Parameters.Add(parameters[i]);
        }

        insert.Prepare();
        foreach (var (seq, entry, prev, hash) in rows)
        {
            parameters[0].Value = seq;
            parameters[1].Value = FormatTime(entry.At);
            parameters[2].Value = entry.Account;
            parameters[3].Value = (object?)entry.BodyId ?? DBNull.Value;
            parameters[4].Value = entry.Kind;
            parameters[5].Value = entry.Summary;
            parameters[6].Value = (object?)entry.RequestId ?? DBNull.Value;
            parameters[7].Value = (object?)entry.ClientAddress ?? DBNull.Value;
            parameters[8].Value = prev;
            parameters[9].Value = hash;
            insert.ExecuteNonQuery();
        }
    }

    private static DbCommand PostgresRows(DbConnection connection, DbTransaction transaction, string serviceId, List<AuditRecord> rows)
    {
        var command = Command(connection, transaction, PostgresInsert);
        Add(command, "service", serviceId);
        Add(command, "seq", rows.Select(r => r.Seq).ToArray());
        Add(command, "at", rows.Select(r => FormatTime(r.Entry.At)).ToArray());
        Add(command, "account", rows.Select(r => r.Entry.Account).ToArray());
        Add(command, "body", rows.Select(r => r.Entry.BodyId).ToArray());
        Add(command, "kind", rows.Select(r => r.Entry.Kind).ToArray());
        Add(command, "summary", rows.Select(r => r.Entry.Summary).ToArray());
        Add(command, "request", rows.Select(r => r.Entry.RequestId).ToArray());
        Add(command, "address", rows.Select(r => r.Entry.ClientAddress).ToArray());
        Add(command, "prev", rows.Select(r => r.PrevHash).ToArray());
        Add(command, "hash", rows.Select(r => r.Hash).ToArray());
        return command;
    }

    /// <summary>SHA-256 over the previous hash and every stored field, unit-separated, as lower-case hex.</summary>
    public static string Hash(long seq, AuditEntry entry, string previousHash)
    {
        // The text is encoded field by field into one pooled buffer (no joined string, no byte array per
        // record): the chain's writer hashes every record of a batch in turn, under the append lock.
        // Lone surrogates become U+FFFD exactly as encoding the joined string did (the format is pinned by a test).
        string?[] fields = [previousHash, null, null, entry.Account, entry.BodyId, entry.Kind, entry.Summary, entry.RequestId, entry.ClientAddress];
        var capacity = 64;
        foreach (var field in fields)
        {
            capacity += Encoding.UTF8.GetMaxByteCount(field?.Length ?? 0) + 1;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(capacity);
        try
        {
            var span = buffer.AsSpan();
            var length = 0;
            for (var i = 0; i < fields.Length; i++)
            {
                if (i > 0)
                {
                    span[length++] = 0x1f;
                }

                var rest = span[length..];
                length += i switch
                {
                    1 => seq.TryFormat(rest, out var digits, provider: CultureInfo.InvariantCulture) ? digits : throw new InvalidOperationException(),
                    2 => entry.At.UtcDateTime.TryFormat(rest, out var time, TimeFormat, CultureInfo.InvariantCulture) ? time : throw new InvalidOperationException(),
                    _ => Encoding.UTF8.GetBytes(fields[i], rest),
                };
            }

            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(span[..length], digest);
            return Convert.ToHexStringLower(digest);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>UTC, fixed width: sorts as text the way it sorts as time, in both databases.</summary>
    public static string FormatTime(DateTimeOffset at) => at.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

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
