using GovOpenness.Grains.Storage.Audit;
using Npgsql;
using NpgsqlTypes;

namespace GovOpenness.Grains.Storage.Journal;

/// <summary>
/// The journal on PostgreSQL: a batch is ONE statement, an upsert from two unnested arrays (keys and
/// payloads), so it costs one round trip and one commit whatever its size; a batch of loads is one
/// query with <c>= ANY(keys)</c>.
/// </summary>
public sealed class PostgresProgressJournalStore(string connectionString, string serviceId) : IProgressJournalStore, IDisposable
{
    private const string Upsert = """
        INSERT INTO progressjournal (serviceid, grainkey, payload, version, modifiedon)
        SELECT @service, k, p, 1, now() FROM unnest(@keys, @payloads) AS batch (k, p)
        ON CONFLICT (serviceid, grainkey) DO UPDATE
        SET payload = excluded.payload, version = progressjournal.version + 1, modifiedon = excluded.modifiedon;
        """;

    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(connectionString);

    public async Task CommitAsync(IReadOnlyList<JournalRecord> batch, IReadOnlyList<AuditEntry> audit)
    {
        if (audit.Count == 0)
        {
            // No act to record: the upsert alone, one round trip with its implicit transaction.
            await using var single = _source.CreateCommand(Upsert);
            AddBatch(single, batch);
            await single.ExecuteNonQueryAsync();
            return;
        }

        // The acts' records in the same transaction as the states they record.
        await using var connection = await _source.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (batch.Count > 0)
        {
            await using var command = new NpgsqlCommand(Upsert, connection, transaction);
            AddBatch(command, batch);
            await command.ExecuteNonQueryAsync();
        }

        await AuditChain.AppendAsync(connection, transaction, serviceId, audit, postgres: true);
        await transaction.CommitAsync();
    }

    private void AddBatch(NpgsqlCommand command, IReadOnlyList<JournalRecord> batch)
    {
        command.Parameters.AddWithValue("service", serviceId);
        command.Parameters.Add(new NpgsqlParameter<string[]>("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. batch.Select(r => r.GrainKey)] });
        command.Parameters.Add(new NpgsqlParameter<string[]>("payloads", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. batch.Select(r => r.Payload)] });
    }

    public async Task<IReadOnlyDictionary<string, string>> LoadAsync(IReadOnlyList<string> grainKeys)
    {
        await using var command = _source.CreateCommand("SELECT grainkey, payload FROM progressjournal WHERE serviceid = @service AND grainkey = ANY(@keys);");
        command.Parameters.AddWithValue("service", serviceId);
        command.Parameters.Add(new NpgsqlParameter<string[]>("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. grainKeys] });
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            found[reader.GetString(0)] = reader.GetString(1);
        }

        return found;
    }

    public void Dispose() => _source.Dispose();
}
