using GovOpenness.Abstractions;
using Microsoft.Data.Sqlite;

namespace GovOpenness.Grains.Storage.Milestones;

/// <summary>Milestone notes on SQLite: one connection, used by one batching loop at a time (the driver blocks; callers run it on the thread pool).</summary>
public sealed class SqliteMilestoneNoteStore(string path, string serviceId) : IMilestoneNoteStore, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SqliteConnection? _connection;

    public Task AddAsync(IReadOnlyList<MilestoneNote> notes, DateTimeOffset dueAt) => RunAsync(connection =>
    {
        using var transaction = connection.BeginTransaction();
        using var command = Command(connection, transaction, """
            INSERT INTO MilestoneNotes (ServiceId, BodyId, Year, Kind, Day, DueAt) VALUES ($service, $body, $year, $kind, $day, $due)
            ON CONFLICT (ServiceId, BodyId, Year, Kind) DO NOTHING;
            """);
        command.Parameters.AddWithValue("$due", dueAt.ToUnixTimeMilliseconds());
        foreach (var note in notes)
        {
            Bind(command, note);
            command.ExecuteNonQuery();
        }

        transaction.Commit();
        return 0;
    });

    public Task RemoveAsync(IReadOnlyList<MilestoneNote> notes) => RunAsync(connection =>
    {
        using var transaction = connection.BeginTransaction();
        using var command = Command(connection, transaction, "DELETE FROM MilestoneNotes WHERE ServiceId = $service AND BodyId = $body AND Year = $year AND Kind = $kind AND Day = $day;");
        foreach (var note in notes)
        {
            Bind(command, note);
            command.ExecuteNonQuery();
        }

        transaction.Commit();
        return 0;
    });

    public Task<IReadOnlyList<MilestoneNote>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset nextDue, int max) => RunAsync<IReadOnlyList<MilestoneNote>>(connection =>
    {
        using var command = Command(connection, null, """
            UPDATE MilestoneNotes SET DueAt = $next
            WHERE ServiceId = $service AND DueAt < $now
              AND rowid IN (SELECT rowid FROM MilestoneNotes WHERE ServiceId = $service AND DueAt < $now LIMIT $max)
            RETURNING BodyId, Year, Kind, Day;
            """);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$next", nextDue.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$max", max);
        var claimed = new List<MilestoneNote>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            claimed.Add(new MilestoneNote(reader.GetString(0), reader.GetInt32(1), (PlanMilestoneKind)reader.GetInt32(2), DateOnly.Parse(reader.GetString(3), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return claimed;
    });

    public Task<long> CountAsync() => RunAsync(connection =>
    {
        using var command = Command(connection, null, "SELECT count(*) FROM MilestoneNotes WHERE ServiceId = $service;");
        return (long)command.ExecuteScalar()!;
    });

    public void Dispose() => _connection?.Dispose();

    private async Task<T> RunAsync<T>(Func<SqliteConnection, T> work)
    {
        await _gate.WaitAsync();
        try
        {
            return await Task.Run(() =>
            {
                try
                {
                    return work(_connection ??= DatabaseSchema.OpenSqlite(path));
                }
                catch
                {
                    _connection?.Dispose();
                    _connection = null;
                    throw;
                }
            });
        }
        finally
        {
            _gate.Release();
        }
    }

    private SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$service", serviceId);
        return command;
    }

    private static void Bind(SqliteCommand command, MilestoneNote note)
    {
        SetValue(command, "$body", note.BodyId);
        SetValue(command, "$year", note.Year);
        SetValue(command, "$kind", (int)note.Kind);
        SetValue(command, "$day", note.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static void SetValue(SqliteCommand command, string name, object value)
    {
        if (command.Parameters.Contains(name))
        {
            command.Parameters[name].Value = value;
        }
        else
        {
            command.Parameters.AddWithValue(name, value);
        }
    }
}
