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
public sealed class PostgresProgressJournalStore(string connectionString, string serviceId) : IProgressJournalStore, IDisposable
{
    // Under READ COMMITTED a concurrent writer's UPDATE makes this one re-check "version = expected"
    // on the new row, so of two writers that read the same version exactly one succeeds.
    private const string ConditionalWrite = """
        WITH batch AS (SELECT k, p, e FROM unnest(@keys, @payloads, @expected) AS b (k, p, e)),
        updated AS (
            UPDATE progressjournal AS t SET payload = batch.p, version = batch.e + 1, modifiedon = now()
            FROM batch
            WHERE batch.e > 0 AND t.serviceid = @service AND t.grainkey = batch.k AND t.version = batch.e
            RETURNING t.grainkey),
        inserted AS (
            INSERT INTO progressjournal (serviceid, grainkey, payload, version, modifiedon)
            SELECT @service, batch.k, batch.p, 1, now() FROM batch WHERE batch.e = 0
            ON CONFLICT (serviceid, grainkey) DO NOTHING
            RETURNING grainkey)
        SELECT grainkey FROM updated UNION ALL SELECT grainkey FROM inserted;
        """;

    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(connectionString);

    public async Task<IReadOnlySet<string>> CommitAsync(IReadOnlyList<JournalRecord> batch, IReadOnlyList<JournalAudit> audit)
    {
        if (audit.Count == 0)
        {
            // No act to record: the conditional write alone, one round trip with its implicit transaction.
            await using var single = _source.CreateCommand(ConditionalWrite);
            return await WriteAsync(single, batch);
        }

        // The acts' records in the same transaction as the states they record; a refused (stale)
        // write is no act, so its record is left out with it.
        await using var connection = await _source.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        IReadOnlySet<string> stale = new HashSet<string>(StringComparer.Ordinal);
        if (batch.Count > 0)
        {
            await using var command = new NpgsqlCommand(ConditionalWrite, connection, transaction);
            stale = await WriteAsync(command, batch);
        }

        await AuditChain.AppendAsync(connection, transaction, serviceId, JournalAudit.Kept(audit, stale), postgres: true);
        await transaction.CommitAsync();
        return stale;
    }

    private async Task<IReadOnlySet<string>> WriteAsync(NpgsqlCommand command, IReadOnlyList<JournalRecord> batch)
    {
        command.Parameters.AddWithValue("service", serviceId);
        command.Parameters.Add(new NpgsqlParameter<string[]>("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. batch.Select(r => r.GrainKey)] });
        command.Parameters.Add(new NpgsqlParameter<string[]>("payloads", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. batch.Select(r => r.Payload)] });
        command.Parameters.Add(new NpgsqlParameter<long[]>("expected", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. batch.Select(r => r.ExpectedVersion)] });
        var written = new HashSet<string>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
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
