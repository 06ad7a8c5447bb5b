using GovOpenness.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace GovOpenness.Grains.Storage.Milestones;

/// <summary>Milestone notes on PostgreSQL: each batch is one statement over unnested arrays; a claim skips rows another silo is claiming.</summary>
public sealed class PostgresMilestoneNoteStore(string connectionString, string serviceId) : IMilestoneNoteStore, IDisposable
{
    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(connectionString);

    public async Task AddAsync(IReadOnlyList<MilestoneNote> notes, DateTimeOffset dueAt)
    {
        await using var command = Batch("""
            INSERT INTO milestonenotes (serviceid, bodyid, year, kind, day, dueat)
            SELECT @service, b, y, k, d, @due FROM unnest(@bodies, @years, @kinds, @days) AS n (b, y, k, d)
            ON CONFLICT (serviceid, bodyid, year, kind) DO NOTHING;
            """, notes);
        command.Parameters.AddWithValue("due", dueAt.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync();
    }

    public async Task RemoveAsync(IReadOnlyList<MilestoneNote> notes)
    {
        await using var command = Batch("""
            DELETE FROM milestonenotes AS m USING unnest(@bodies, @years, @kinds, @days) AS n (b, y, k, d)
            WHERE m.serviceid = @service AND m.bodyid = n.b AND m.year = n.y AND m.kind = n.k AND m.day = n.d;
            """, notes);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<IReadOnlyList<MilestoneNote>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset nextDue, int max)
    {
        await using var command = _source.CreateCommand("""
            UPDATE milestonenotes SET dueat = @next
            WHERE (serviceid, bodyid, year, kind) IN (
                SELECT serviceid, bodyid, year, kind FROM milestonenotes
                WHERE serviceid = @service AND dueat < @now LIMIT @max FOR UPDATE SKIP LOCKED)
            RETURNING bodyid, year, kind, day;
            """);
        command.Parameters.AddWithValue("service", serviceId);
        command.Parameters.AddWithValue("now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("next", nextDue.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("max", max);
        var claimed = new List<MilestoneNote>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            claimed.Add(new MilestoneNote(reader.GetString(0), reader.GetInt32(1), (PlanMilestoneKind)reader.GetInt32(2), DateOnly.FromDateTime(reader.GetDateTime(3))));
        }

        return claimed;
    }

    public async Task<long> CountAsync()
    {
        await using var command = _source.CreateCommand("SELECT count(*) FROM milestonenotes WHERE serviceid = @service;");
        command.Parameters.AddWithValue("service", serviceId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose() => _source.Dispose();

    private NpgsqlCommand Batch(string sql, IReadOnlyList<MilestoneNote> notes)
    {
        var command = _source.CreateCommand(sql);
        command.Parameters.AddWithValue("service", serviceId);
        command.Parameters.Add(new NpgsqlParameter<string[]>("bodies", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. notes.Select(n => n.BodyId)] });
        command.Parameters.Add(new NpgsqlParameter<int[]>("years", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = [.. notes.Select(n => n.Year)] });
        command.Parameters.Add(new NpgsqlParameter<int[]>("kinds", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = [.. notes.Select(n => (int)n.Kind)] });
        command.Parameters.Add(new NpgsqlParameter<DateOnly[]>("days", NpgsqlDbType.Array | NpgsqlDbType.Date) { TypedValue = [.. notes.Select(n => n.Day)] });
        return command;
    }
}
