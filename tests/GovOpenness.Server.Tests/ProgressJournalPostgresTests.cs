using GovOpenness.Grains.Storage;
using GovOpenness.Grains.Storage.Audit;
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
    public async Task ABatchOfFreshAndStaleRecordsWithTheirActsRefusesOnlyTheStaleAndKeepsTheChainVerifiable()
    {
        var connectionString = PostgresFactAttribute.Require();
        DatabaseSchema.ApplyPostgres(connectionString);
        var settings = new StorageSettings { PostgresConnectionString = connectionString, ServiceId = "mixed-batch-" + Guid.NewGuid().ToString("N") };
        using var store = new PostgresProgressJournalStore(connectionString, settings.ServiceId);
        using var neighbour = new PostgresProgressJournalStore(connectionString, settings.ServiceId + "-other");
        Assert.Empty(store.Commit([new("a/2022", "a1", 0), new("b/2022", "b1", 0), new("c/2022", "c1", 0)], []));
        Assert.Empty(neighbour.Commit([new("a/2022", "other", 0)], []));

        // Fresh: a (version read 1), d (first record). Stale: b (read 3, stored 1), c (a first record of a
        // key that has one), e (read 2 of a key that has no record: refused, not created).
        var at = new DateTimeOffset(2022, 6, 30, 9, 0, 0, TimeSpan.Zero);
        AuditEntry Act(string body) => new(at, "reporter", body, AuditKinds.Progress, $"{body} 签收", null, null);
        string[] keys = ["a/2022", "b/2022", "c/2022", "d/2022", "e/2022"];
        var stale = store.Commit(
            [new("a/2022", "a2", 1), new("b/2022", "b2", 3), new("c/2022", "c2", 0), new("d/2022", "d1", 0), new("e/2022", "e3", 2)],
            [.. keys.Select(k => new JournalAudit(k, Act(k[..1]))), new JournalAudit(null, Act("urge"))]);

        Assert.Equal(["b/2022", "c/2022", "e/2022"], stale.Order(StringComparer.Ordinal));
        var stored = await store.LoadAsync(keys);
        Assert.Equal(new StoredRecord("a2", 2), stored["a/2022"]);
        Assert.Equal(new StoredRecord("b1", 1), stored["b/2022"]);
        Assert.Equal(new StoredRecord("c1", 1), stored["c/2022"]);
        Assert.Equal(new StoredRecord("d1", 1), stored["d/2022"]);
        Assert.False(stored.ContainsKey("e/2022"));
        Assert.Equal(new StoredRecord("other", 1), (await neighbour.LoadAsync(["a/2022"]))["a/2022"]);

        // The refused writes' records are left out; the kept ones are chained and verify.
        using var database = new DatabaseConnections(settings);
        var reader = new AuditReader(database);
        var verified = await reader.VerifyAsync();
        Assert.True(verified.Intact, string.Join("；", verified.Problems));
        Assert.Equal(3, verified.Records);
        foreach (var (body, count) in new[] { ("a", 1), ("b", 0), ("c", 0), ("d", 1), ("e", 0), ("urge", 1) })
        {
            Assert.Equal(count, (await reader.HistoryAsync(body, null, null, null)).Count);
        }
    }

    private static readonly AsyncLocal<string?> Caller = new();

    [PostgresFact]
    public async Task CommitsRunOnTheJournalsOwnThreadNotOnThePoolAndWithoutTheCreatorsContext()
    {
        // A commit on the thread pool waited behind the silo's grain work after each round trip; the
        // writer's own thread waits on the socket itself. It must not carry the context of whichever
        // grain's call created the journal (a request's account, a trace).
        var connectionString = PostgresFactAttribute.Require();
        DatabaseSchema.ApplyPostgres(connectionString);
        using var store = new PostgresProgressJournalStore(connectionString, "writer-thread-" + Guid.NewGuid().ToString("N"));
        var counters = new ProgressJournalCounters();
        var committedOn = new TaskCompletionSource<(bool PoolThread, string? Name, string? Context)>(TaskCreationOptions.RunContinuationsAsynchronously);
        counters.Committed += (_, _) => committedOn.TrySetResult((Thread.CurrentThread.IsThreadPoolThread, Thread.CurrentThread.Name, Caller.Value));

        Caller.Value = "a grain's request";
        await using var journal = new ProgressJournal(store, counters, NullLogger<ProgressJournal>.Instance);
        Caller.Value = null;
        Assert.Equal(1, await journal.AppendAsync("b/2022", "{}", expectedVersion: 0));

        var (poolThread, name, context) = await committedOn.Task;
        Assert.False(poolThread);
        Assert.Equal("progress-journal-writer", name);
        Assert.Null(context);
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
