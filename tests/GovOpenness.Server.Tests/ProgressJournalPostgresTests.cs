using GovOpenness.Grains.Storage;
using GovOpenness.Grains.Storage.Journal;
using Microsoft.Extensions.Logging.Abstractions;

namespace GovOpenness.Server.Tests;

/// <summary>The progress journal on a real PostgreSQL: group commit, latest record per key, failures.</summary>
public sealed class ProgressJournalPostgresTests
{
    [PostgresFact]
    public async Task ConcurrentRecordsShareTransactionsAndTheLatestOfEachKeyIsLoaded()
    {
        var connectionString = PostgresFactAttribute.Require();
        DatabaseSchema.ApplyPostgres(connectionString);
        var service = "journal-test-" + Guid.NewGuid().ToString("N");
        using var store = new PostgresProgressJournalStore(connectionString, service);
        var counters = new ProgressJournalCounters();
        await using (var journal = new ProgressJournal(store, counters, NullLogger<ProgressJournal>.Instance))
        {
            // 100 grains write twice each, all at once; the second write of a key must win.
            await Task.WhenAll(Enumerable.Range(0, 100).Select(async i =>
            {
                var version = await journal.AppendAsync($"b{i}/2022", $"{{\"v\":1,\"i\":{i}}}", expectedVersion: 0);
                await journal.AppendAsync($"b{i}/2022", $"{{\"v\":2,\"i\":{i}}}", version);
            }));

            Assert.Equal(200, counters.Records);
            Assert.True(counters.Commits < counters.Records, $"{counters.Records} records took {counters.Commits} transactions");
            Assert.Equal("{\"v\":2,\"i\":7}", await journal.LoadAsync("b7/2022"));
            Assert.Null(await journal.LoadAsync("nobody/2022"));
        }

        // A second silo (a new journal on the same service) reads what the first acknowledged.
        await using var restarted = new ProgressJournal(store, new ProgressJournalCounters(), NullLogger<ProgressJournal>.Instance);
        Assert.Equal("{\"v\":2,\"i\":99}", await restarted.LoadAsync("b99/2022"));
    }

    [PostgresFact]
    public async Task TwoSilosWritingOneRecordLoseNoAcknowledgedStep()
    {
        var connectionString = PostgresFactAttribute.Require();
        DatabaseSchema.ApplyPostgres(connectionString);
        var service = "stale-test-" + Guid.NewGuid().ToString("N");
        using var first = new PostgresProgressJournalStore(connectionString, service);
        using var second = new PostgresProgressJournalStore(connectionString, service);

        var outcome = await GovOpenness.Grains.Tests.TwoJournalWriters.RunAsync(first, second, rounds: 50);

        Assert.Equal(100, outcome.Acknowledged);
        Assert.Empty(outcome.Lost);
        Assert.Equal(50, outcome.StaleRefusals);
    }

    [PostgresFact]
    public async Task AFailedCommitFailsEveryWaitingCaller()
    {
        var connectionString = PostgresFactAttribute.Require();
        DatabaseSchema.ApplyPostgres(connectionString);

        // A real failure from the server: the service id does not fit its column (varchar(150)).
        using var store = new PostgresProgressJournalStore(connectionString, new string('x', 200));
        var counters = new ProgressJournalCounters();
        await using var journal = new ProgressJournal(store, counters, NullLogger<ProgressJournal>.Instance);
        var attempts = Enumerable.Range(0, 20).Select(i => journal.AppendAsync($"b{i}/2022", "{}", expectedVersion: 0)).ToList();

        foreach (var attempt in attempts)
        {
            var error = await Assert.ThrowsAsync<ProgressNotStoredException>(() => attempt);
            Assert.Contains("进度未能保存", error.Message);
        }

        Assert.Equal(0, counters.Records);
        Assert.True(counters.FailedCommits >= 1);
    }
}
