using Npgsql;
using NpgsqlTypes;

namespace GovOpenness.Grains.Storage.Journal;

/// <summary>
/// The journal on PostgreSQL: a batch is ONE statement, an upsert from two unnested arrays (keys and
/// payloads), so it costs one round trip and one commit whatever its size.
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

    public async Task CommitAsync(IReadOnlyList<JournalRecord> batch)
    {
        await using var command = _source.CreateCommand(Upsert);
        command.Parameters.AddWithValue("service", serviceId);
        command.Parameters.Add(new NpgsqlParameter<string[]>("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. batch.Select(r => r.GrainKey)] });
        command.Parameters.Add(new NpgsqlParameter<string[]>("payloads", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. batch.Select(r => r.Payload)] });
        await command.ExecuteNonQueryAsync();
    }

    public async Task<string?> LoadAsync(string grainKey)
    {
        await using var command = _source.CreateCommand("SELECT payload FROM progressjournal WHERE serviceid = @service AND grainkey = @key;");
        command.Parameters.AddWithValue("service", serviceId);
        command.Parameters.AddWithValue("key", grainKey);
        return await command.ExecuteScalarAsync() as string;
    }

    public void Dispose() => _source.Dispose();
}
