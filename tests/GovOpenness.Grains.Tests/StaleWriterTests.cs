using GovOpenness.Grains.Storage;
using GovOpenness.Grains.Storage.Journal;
using Microsoft.Data.Sqlite;

namespace GovOpenness.Grains.Tests;

/// <summary>
/// Issue 11: two activations of one progress grain overwrote each other's acknowledged steps (the
/// journal upserted whole records with no version check; 100 of 200 acknowledged steps were lost in
/// this scenario before the fix). Every write is now conditional on the version read.
/// </summary>
public sealed class StaleWriterTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "govopenness-stale-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    [Fact]
    public async Task TwoSilosWritingOneRecordOnSqliteLoseNoAcknowledgedStep()
    {
        var path = Path.Combine(_dataDirectory, "govopenness.db");
        DatabaseSchema.ApplySqlite(path);
        using var first = new SqliteProgressJournalStore(path, "stale-test");
        using var second = new SqliteProgressJournalStore(path, "stale-test");

        var outcome = await TwoJournalWriters.RunAsync(first, second, rounds: 50);

        Assert.Equal(100, outcome.Acknowledged);
        Assert.Empty(outcome.Lost);
        // Each round both wrote on the same version: exactly one of them was refused and retried.
        Assert.Equal(50, outcome.StaleRefusals);
    }
}
