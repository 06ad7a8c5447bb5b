using System.Data.Common;

namespace GovOpenness.Grains.Storage.Audit;

/// <summary>
/// SQLite's per-body index of the record (留痕), kept in its own table and filled in sorted passes.
/// An index on AuditRecord itself put one row per record at a random place of a b-tree inside the
/// journal's transaction: for the single SQLite writer that cost as much as the record. A pass takes
/// every record after the mark in the index's own order, so each index page is written once per pass;
/// the record itself is still committed with its act, and history reads past the mark directly.
/// PostgreSQL keeps its plain index (its writers are not one thread).
/// </summary>
public static class AuditBodyIndex
{
    /// <summary>Records the journal's writer lets pile up past the mark before it runs a pass.</summary>
    public const int PassThreshold = 4_096;

    /// <summary>History on SQLite: the indexed records of the body, plus those after the mark (one snapshot).</summary>
    public const string HistorySql = """
        SELECT Seq, At, Account, BodyId, Kind, Summary, RequestId, ClientAddress, PrevHash, Hash FROM AuditRecord
        WHERE ServiceId = @service AND (@kind = '' OR Kind = @kind) AND Seq IN (
            SELECT Seq FROM AuditBodyIndex WHERE ServiceId = @service AND BodyId = @body AND At >= @from AND At < @to
            UNION ALL
            SELECT Seq FROM AuditRecord
            WHERE ServiceId = @service AND Seq > (SELECT COALESCE(MAX(Seq), 0) FROM AuditIndexMark WHERE ServiceId = @service)
              AND BodyId = @body AND At >= @from AND At < @to)
        ORDER BY Seq DESC LIMIT {0};
        """;

    /// <summary>Records up to the mark that the index lacks (history would miss them): verification reports them.</summary>
    public const string UnindexedSql = """
        SELECT r.Seq FROM AuditRecord AS r
        WHERE r.ServiceId = @service AND r.BodyId IS NOT NULL
          AND r.Seq <= (SELECT COALESCE(MAX(Seq), 0) FROM AuditIndexMark WHERE ServiceId = @service)
          AND NOT EXISTS (SELECT 1 FROM AuditBodyIndex AS i WHERE i.ServiceId = r.ServiceId AND i.BodyId = r.BodyId AND i.At = r.At AND i.Seq = r.Seq)
        ORDER BY r.Seq LIMIT 20;
        """;

    /// <summary>
    /// Indexes every record of the service after the mark and moves the mark, in one transaction (the
    /// first pass on a database from before the index table indexes all of it); answers the new mark.
    /// </summary>
    public static async Task<long> CatchUpAsync(DbConnection connection, string serviceId)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        var mark = await ScalarAsync(connection, transaction, serviceId, "SELECT COALESCE(MAX(Seq), 0) FROM AuditIndexMark WHERE ServiceId = @service;");
        var tail = await ScalarAsync(connection, transaction, serviceId, "SELECT COALESCE(MAX(Seq), 0) FROM AuditRecord WHERE ServiceId = @service;");
        if (tail > mark)
        {
            await using var index = AuditChain.Command(connection, transaction, """
                INSERT OR IGNORE INTO AuditBodyIndex (ServiceId, BodyId, At, Seq)
                SELECT ServiceId, BodyId, At, Seq FROM AuditRecord
                WHERE ServiceId = @service AND Seq > @mark AND Seq <= @tail AND BodyId IS NOT NULL
                ORDER BY BodyId, At, Seq;
                INSERT INTO AuditIndexMark (ServiceId, Seq) VALUES (@service, @tail)
                ON CONFLICT (ServiceId) DO UPDATE SET Seq = excluded.Seq;
                """);
            AuditChain.Add(index, "service", serviceId);
            AuditChain.Add(index, "mark", mark);
            AuditChain.Add(index, "tail", tail);
            await index.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return Math.Max(mark, tail);
    }

    private static async Task<long> ScalarAsync(DbConnection connection, DbTransaction transaction, string serviceId, string sql)
    {
        await using var command = AuditChain.Command(connection, transaction, sql);
        AuditChain.Add(command, "service", serviceId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
