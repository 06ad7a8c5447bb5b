using System.Diagnostics;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Progress;
using Npgsql;

namespace GovOpenness.FaultSuite;

/// <summary>A fresh database per run on the suite's PostgreSQL server, what it stores, and restarts of the server.</summary>
public sealed class Database(string adminConnectionString, string name)
{
    public string ConnectionString { get; } = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name, MaxPoolSize = 60 }.ToString();

    public async Task CreateAsync()
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
    }

    public async Task DropAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>Every stored progress record of the year: body id → its progress.</summary>
    public async Task<Dictionary<string, BodyProgress>> StoredProgressAsync(int year)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT grainkey, payload FROM progressjournal WHERE grainkey LIKE @pattern", connection);
        command.Parameters.AddWithValue("pattern", "%/" + year);
        var stored = new Dictionary<string, BodyProgress>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var key = reader.GetString(0);
            stored[key[..key.LastIndexOf('/')]] = LocalizationJson.Deserialize<BodyProgress>(reader.GetString(1));
        }

        return stored;
    }

    /// <summary>
    /// The leaves whose receipt their parent keeps (records "{parent}/{year}/followers", issue 16): they
    /// received the plan and have no progress record of their own (or one written later, which adopts it).
    /// </summary>
    public async Task<HashSet<string>> StoredFollowersAsync(int year)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT payload FROM progressjournal WHERE grainkey LIKE @pattern", connection);
        command.Parameters.AddWithValue("pattern", "%/" + year + "/followers");
        var followers = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            followers.UnionWith(GovOpenness.Domain.Progress.FollowerReceipts.Deserialize(reader.GetString(0)).ChildIds);
        }

        return followers;
    }

    /// <summary>Milestone notes not yet delivered (0 once every note reached its progress grain).</summary>
    public async Task<long> StoredNotesAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM milestonenotes", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Crashes the server (immediate stop) and starts it on the same data.</summary>
    public static void Restart()
    {
        var script = new ProcessStartInfo("bash", ["tools/scripts/postgres.sh", "restart"]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(script)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("postgres.sh restart failed: " + error);
        }

        NpgsqlConnection.ClearAllPools();
    }
}
