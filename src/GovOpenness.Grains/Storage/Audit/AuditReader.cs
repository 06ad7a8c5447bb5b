using System.Data.Common;
using System.Globalization;

namespace GovOpenness.Grains.Storage.Audit;

/// <summary>Reads the record: a body's history, and the whole chain for verification.</summary>
public sealed class AuditReader(DatabaseConnections database)
{
    /// <summary>The most records one history request answers (newest first).</summary>
    public const int MaxHistory = 500;

    public async Task<IReadOnlyList<AuditRecord>> HistoryAsync(string bodyId, DateTimeOffset? from, DateTimeOffset? to, string? kind, CancellationToken cancellation = default)
    {
        await using var connection = await database.OpenAsync(cancellation);
        // SQLite finds a body's records through AuditBodyIndex (and reads past its mark); PostgreSQL through its index.
        var sql = database.UsesPostgres
            ? $"""
                SELECT Seq, At, Account, BodyId, Kind, Summary, RequestId, ClientAddress, PrevHash, Hash FROM AuditRecord
                WHERE ServiceId = @service AND BodyId = @body AND At >= @from AND At < @to AND (@kind = '' OR Kind = @kind)
                ORDER BY Seq DESC LIMIT {MaxHistory};
                """
            : string.Format(CultureInfo.InvariantCulture, AuditBodyIndex.HistorySql, MaxHistory);
        await using var command = AuditChain.Command(connection, null, sql);
        AuditChain.Add(command, "service", database.ServiceId);
        AuditChain.Add(command, "body", bodyId);
        AuditChain.Add(command, "from", AuditChain.FormatTime(from ?? DateTimeOffset.MinValue));
        AuditChain.Add(command, "to", AuditChain.FormatTime(to ?? DateTimeOffset.MaxValue));
        AuditChain.Add(command, "kind", kind ?? "");
        return await ReadAsync(command, cancellation);
    }

    /// <summary>
    /// Walks the chain in order and returns the problems found (empty: intact): a gap in the sequence
    /// (a removed record), a link that does not name the previous record's hash, or a hash that does not
    /// match the record's fields (a changed record); on SQLite also a record the per-body index
    /// (<see cref="AuditBodyIndex"/>) lacks up to its mark, which history would not show.
    /// </summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellation = default)
    {
        await using var connection = await database.OpenAsync(cancellation);
        await using var command = AuditChain.Command(connection, null,
            "SELECT Seq, At, Account, BodyId, Kind, Summary, RequestId, ClientAddress, PrevHash, Hash FROM AuditRecord WHERE ServiceId = @service ORDER BY Seq;");
        AuditChain.Add(command, "service", database.ServiceId);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var problems = new List<string>();
        long expected = 1, count = 0;
        var previous = AuditChain.Genesis;
        while (await reader.ReadAsync(cancellation))
        {
            var record = Read(reader);
            count++;
            if (record.Seq != expected)
            {
                problems.Add($"第{expected}条至第{record.Seq - 1}条记录缺失");
            }

            if (record.PrevHash != previous)
            {
                problems.Add($"第{record.Seq}条记录的前一条哈希与链不符（前一条被改动或删除）");
            }

            if (AuditChain.Hash(record.Seq, record.Entry, record.PrevHash) != record.Hash)
            {
                problems.Add($"第{record.Seq}条记录内容与其哈希不符（记录被改动）");
            }

            previous = record.Hash;
            expected = record.Seq + 1;
        }

        await reader.DisposeAsync();
        if (!database.UsesPostgres)
        {
            // A record the per-body index lacks is missing from history: as serious as a missing record.
            await using var unindexed = AuditChain.Command(connection, null, AuditBodyIndex.UnindexedSql);
            AuditChain.Add(unindexed, "service", database.ServiceId);
            await using var missing = await unindexed.ExecuteReaderAsync(cancellation);
            while (await missing.ReadAsync(cancellation))
            {
                problems.Add($"第{missing.GetInt64(0)}条记录不在按机构的索引中（操作记录查询查不到它）");
            }
        }

        return new AuditVerification(count, problems);
    }

    private static async Task<IReadOnlyList<AuditRecord>> ReadAsync(DbCommand command, CancellationToken cancellation)
    {
        var records = new List<AuditRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            records.Add(Read(reader));
        }

        return records;
    }

    private static AuditRecord Read(DbDataReader reader) => new(
        reader.GetInt64(0),
        new AuditEntry(AuditChain.ParseTime(reader.GetString(1)), reader.GetString(2), NullableString(reader, 3), reader.GetString(4),
            reader.GetString(5), NullableString(reader, 6), NullableString(reader, 7)),
        reader.GetString(8),
        reader.GetString(9));

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}

/// <summary>What verifying the chain found: how many records, and each problem in Chinese.</summary>
public sealed record AuditVerification(long Records, IReadOnlyList<string> Problems)
{
    public bool Intact => Problems.Count == 0;
}
