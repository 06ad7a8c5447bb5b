using GovOpenness.Grains.Pipeline;
using GovOpenness.Grains.Storage;
using GovOpenness.Grains.Storage.Journal;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace GovOpenness.Grains.Tests;

/// <summary>A real progress journal on a throwaway SQLite file, for the progress grain's collaborators tested without a cluster.</summary>
internal sealed class JournalOnDisk : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "govopenness-journal-" + Guid.NewGuid().ToString("N"));
    private readonly SqliteProgressJournalStore _store;

    public JournalOnDisk()
    {
        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, "govopenness.db");
        DatabaseSchema.ApplySqlite(path);
        _store = new SqliteProgressJournalStore(path, "collaborator-test");
        Journal = new ProgressJournal(_store, new ProgressJournalCounters(), NullLogger<ProgressJournal>.Instance);
    }

    public ProgressJournal Journal { get; }

    /// <summary>The records (留痕) committed so far, oldest first: their summaries and request ids.</summary>
    public IReadOnlyList<(string Summary, string? RequestId)> AuditRecords()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, "govopenness.db")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Summary, RequestId FROM AuditRecord ORDER BY Seq";
        using var reader = command.ExecuteReader();
        var records = new List<(string, string?)>();
        while (reader.Read())
        {
            records.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        }

        return records;
    }

    /// <summary>A record as an activation holds it, loaded (its version read).</summary>
    public async Task<VersionedRecord> LoadedAsync(string key, Action? onStale = null)
    {
        var record = new VersionedRecord(Journal, key, onStale ?? (() => { }));
        await record.LoadAsync();
        return record;
    }

    public async ValueTask DisposeAsync()
    {
        await Journal.DisposeAsync();
        _store.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
