using GovOpenness.Grains.Storage.Audit;
using Npgsql;
using NpgsqlTypes;

namespace GovOpenness.Grains.Storage.Journal;

/// <summary>
/// The journal on PostgreSQL: a batch is ONE statement over three unnested arrays (keys, payloads,
/// the versions the writers read), so it costs one round trip and one commit whatever its size. Each
/// row is written only if its version is still the one read (first records: only if none exists);
/// the statement answers the keys it wrote, the rest were stale. A batch of loads is one query with
/// <c>= ANY(keys)</c>.
/// </summary>
/// <remarks>
/// The write is an <c>INSERT … ON CONFLICT DO UPDATE … WHERE version = expected</c>, not an
/// <c>UPDATE … FROM unnest(…)</c> join: a join's plan follows the table's statistics, and with a service
/// the statistics did not know yet (a new database, a new service id) the planner walked every record of
/// the service once per batch row (a nested loop with the batch inside: 1,630 × 25 comparisons for 25
/// rows, 19 ms), so a commit cost grew with the table times the batch. ON CONFLICT finds each row by
/// its primary key whatever the statistics say: a commit costs a probe per row.
/// </remarks>
public sealed class PostgresProgressJournalStore(string connectionString, string serviceId) : IProgressJournalStore, IDisposable
{
    // A first record (expected 0) is inserted when no row exists; on a conflict the stored version is
    // never 0, so it is refused. A later record updates the row only if its version is the one read; the
    // scalar subquery (a per-row primary-key probe, never turned into a join) keeps a later record of a
    // key that has no row from being inserted: that write is refused, as the UPDATE it replaces refused it.
    // Under READ COMMITTED a concurrent writer's update makes ON CONFLICT lock the row and check
    // "version = expected" on the new version, so of two writers that read the same version exactly one
    // succeeds. Keys are unique within a batch (ON CONFLICT may not touch a row twice in one statement).
    private const string ConditionalWrite = """
        INSERT INTO progressjournal AS t (serviceid, grainkey, payload, version, modifiedon)
        SELECT @service, b.k, b.p, b.e + 1, now() FROM unnest(@keys, @payloads, @expected) AS b (k, p, e)
        WHERE b.e = 0 OR (SELECT true FROM progressjournal AS j WHERE j.serviceid = @service AND j.grainkey = b.k) IS NOT NULL
        ON CONFLICT (serviceid, grainkey) DO UPDATE
            SET payload = excluded.payload, version = excluded.version, modifiedon = excluded.modifiedon
            WHERE t.version = excluded.version - 1
        RETURNING t.grainkey;
        """;

    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(connectionString);

    /// <remarks>Npgsql's synchronous calls: the journal's writer thread waits on the socket itself (see the interface).</remarks>
    public IReadOnlySet<string> Commit(IReadOnlyList<JournalRecord> batch, IReadOnlyList<JournalAudit> audit)
    {
        if (audit.Count == 0)
        {
            // No act to record: the conditional write alone, one round trip with its implicit transaction.
            using var single = _source.CreateCommand(ConditionalWrite);
            return Write(single, batch);
        }

        // The acts' records in the same transaction as the states they record; a refused (stale)
        // write is no act, so its record is left out with it.
        using var connection = _source.OpenConnection();
        using var transaction = connection.BeginTransaction();
        IReadOnlySet<string> stale = new HashSet<string>(StringComparer.Ordinal);
        if (batch.Count > 0)
        {
            using var command = new NpgsqlCommand(ConditionalWrite, connection, transaction);
            stale = Write(command, batch);
        }

        AuditChain.Append(connection, transaction, serviceId, JournalAudit.Kept(audit, stale), postgres: true);
        transaction.Commit();
        return stale;
    }

    private IReadOnlySet<string> Write(NpgsqlCommand command, IReadOnlyList<JournalRecord> batch)
    {
        command.Parameters.AddWithValue("service", serviceId);
        command.Parameters.Add(new NpgsqlParameter<string[]>("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. batch.Select(r => r.GrainKey)] });
        command.Parameters.Add(new NpgsqlParameter<string[]>("payloads", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. batch.Select(r => r.Payload)] });
        command.Parameters.Add(new NpgsqlParameter<long[]>("expected", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. batch.Select(r => r.ExpectedVersion)] });
        var written = new HashSet<string>(StringComparer.Ordinal);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                written.Add(reader.GetString(0));
            }
        }

        return batch.Select(r => r.GrainKey).Where(k => !written.Contains(k)).ToHashSet(StringComparer.Ordinal);
    }

    public async Task<IReadOnlyDictionary<string, StoredRecord>> LoadAsync(IReadOnlyList<string> grainKeys)
    {
        await using var command = _source.CreateCommand("SELECT grainkey, payload, version FROM progressjournal WHERE serviceid = @service AND grainkey = ANY(@keys);");
        command.Parameters.AddWithValue("service", serviceId);
        command.Parameters.Add(new NpgsqlParameter<string[]>("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. grainKeys] });
        var found = new Dictionary<string, StoredRecord>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            found[reader.GetString(0)] = new StoredRecord(reader.GetString(1), reader.GetInt64(2));
        }

        return found;
    }

    public async Task<IReadOnlyList<string>> KeysModifiedSinceAsync(DateTimeOffset since)
    {
        await using var command = _source.CreateCommand("SELECT grainkey FROM progressjournal WHERE serviceid = @service AND modifiedon >= @since;");
        command.Parameters.AddWithValue("service", serviceId);
        command.Parameters.AddWithValue("since", since.ToUniversalTime());
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    public void Dispose() => _source.Dispose();
}
