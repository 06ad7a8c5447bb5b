using GovOpenness.Domain.Hierarchy;
using GovOpenness.Grains.Hosting;
using GovOpenness.Grains.Storage;
using GovOpenness.Grains.Storage.Journal;
using Microsoft.Data.Sqlite;

namespace GovOpenness.Grains.Tests;

/// <summary>
/// Issue 16: the journal's SQLite writer no longer checkpoints inside its commits every 1,000 pages; a
/// checkpoint of its own thread copies the WAL into the database file once enough records were committed.
/// And the flush intervals that bound the root's freshness shrink towards the top of the tree.
/// </summary>
public sealed class JournalCheckpointTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "govopenness-checkpoint-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task Records_past_the_threshold_are_checkpointed_by_the_background_thread_and_all_read_back()
    {
        var path = Path.Combine(_dataDirectory, "govopenness.db");
        DatabaseSchema.ApplySqlite(path);
        using var store = new SqliteProgressJournalStore(path, "checkpoint-test");
        var checkpoint = store.NextCheckpoint;
        var keys = Enumerable.Range(0, SqliteProgressJournalStore.CheckpointEveryRecords).Select(i => $"t{i}/2026").ToList();
        var payload = new string('x', 3000);

        // Below the threshold no checkpoint is asked for; the batch that reaches it asks for one.
        foreach (var chunk in keys.Chunk(256))
        {
            Assert.False(checkpoint.IsCompleted);
            Assert.Empty(store.Commit([.. chunk.Select(k => new JournalRecord(k, payload, 0))], []));
        }

        var (walPages, copied) = await checkpoint.WaitAsync(TimeSpan.FromSeconds(60));

        // Nothing wrote meanwhile: the whole WAL (a few pages per record) went into the database file.
        Assert.True(walPages >= keys.Count, $"WAL pages {walPages}");
        Assert.Equal(walPages, copied);
        var stored = await store.LoadAsync(keys);
        Assert.Equal(keys.Count, stored.Count);
        Assert.All(stored.Values, r => Assert.Equal((payload, 1L), (r.Payload, r.Version)));
    }

    [Theory]
    [InlineData(BodyLevel.Township, 100)]
    [InlineData(BodyLevel.Village, 100)]
    [InlineData(BodyLevel.Department, 100)]
    [InlineData(BodyLevel.County, 50)]
    [InlineData(BodyLevel.Prefecture, 25)]
    [InlineData(BodyLevel.Province, 25)]
    [InlineData(BodyLevel.Nation, 25)]
    public void By_default_leaves_flush_every_100_ms_counties_every_50_ms_and_the_levels_above_every_25_ms(BodyLevel level, int milliseconds)
    {
        var options = new CascadeOptions();

        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), options.ProgressFlushIntervalAt(level));
    }
}
