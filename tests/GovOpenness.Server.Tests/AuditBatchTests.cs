using GovOpenness.Grains.Storage;
using GovOpenness.Grains.Storage.Audit;
using GovOpenness.Grains.Storage.Journal;

namespace GovOpenness.Server.Tests;

/// <summary>
/// A journal batch's records (留痕) are chained in memory and inserted together, on SQLite and on a real
/// PostgreSQL: N steps give N records numbered without gaps, each linked to the one before, that verify;
/// a refused (stale) step leaves no record; two writers (two silos) never fork the chain.
/// </summary>
public sealed class AuditBatchTests
{
    [Fact]
    public void The_hash_format_is_unchanged_so_existing_records_still_verify()
    {
        // Computed outside .NET (Python's hashlib) over the documented format: SHA-256 of the previous
        // hash, seq, time, account, body, kind, summary, request id and address, unit-separated (U+001F).
        var at = new DateTimeOffset(2022, 4, 26, 8, 30, 0, TimeSpan.Zero);
        var step = new AuditEntry(at, "shanxi-reporter", "14", AuditKinds.Progress, "2022年 5.3：未签收 → 已签收", "req-1", "10.0.0.7");
        var account = new AuditEntry(at, "admin", null, AuditKinds.Account, "创建账号", null, null);

        Assert.Equal("4f36e9aa2cb813ee5c5b51bd8477cde4856b345a0a8b620426d74d7cf39749a9", AuditChain.Hash(1, step, AuditChain.Genesis));
        Assert.Equal("b1b387bc3ea98b573bbf9aff791a9479db7d1304dfb13ecf7f41143d56e06035", AuditChain.Hash(2, account, AuditChain.Genesis));

        var chained = AuditChain.Chain(7, "ab", [step, account]);
        Assert.Equal(new long[] { 8, 9 }, chained.Select(r => r.Seq));
        Assert.Equal("ab", chained[0].PrevHash);
        Assert.Equal(chained[0].Hash, chained[1].PrevHash);
        Assert.Equal(AuditChain.Hash(9, account, chained[0].Hash), chained[1].Hash);
    }

    [Fact]
    public async Task A_batch_of_steps_on_sqlite_gives_one_chained_record_each()
    {
        var folder = TempFolder.Create("govopenness-audit-batch");
        try
        {
            var settings = new StorageSettings { DataDirectory = folder };
            DatabaseSchema.ApplySqlite(settings.SqlitePath);
            using var first = new SqliteProgressJournalStore(settings.SqlitePath, settings.ServiceId);
            using var second = new SqliteProgressJournalStore(settings.SqlitePath, settings.ServiceId);
            await BatchScenarioAsync(first, second, new AuditReader(new DatabaseConnections(settings)));
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    [PostgresFact]
    public async Task A_batch_of_steps_on_postgres_gives_one_chained_record_each()
    {
        var connectionString = PostgresFactAttribute.Require();
        DatabaseSchema.ApplyPostgres(connectionString);
        var settings = new StorageSettings { PostgresConnectionString = connectionString, ServiceId = "audit-batch-" + Guid.NewGuid().ToString("N") };
        using var first = new PostgresProgressJournalStore(connectionString, settings.ServiceId);
        using var second = new PostgresProgressJournalStore(connectionString, settings.ServiceId);
        using var database = new DatabaseConnections(settings);
        await BatchScenarioAsync(first, second, new AuditReader(database));
    }

    private static async Task BatchScenarioAsync(IProgressJournalStore first, IProgressJournalStore second, AuditReader reader)
    {
        var at = new DateTimeOffset(2022, 6, 30, 9, 0, 0, TimeSpan.Zero);

        // One batch of 300 steps (more than one PostgreSQL statement's worth is not needed: 300 in one).
        var keys = Enumerable.Range(0, 300).Select(i => $"141181{i:000}/2022").ToList();
        var steps = keys.Select(k => new JournalRecord(k, "{}", 0)).ToList();
        var acts = keys.Select((k, i) => new JournalAudit(k, new AuditEntry(at.AddTicks(i), $"reporter-{i}", k[..9], AuditKinds.Progress,
            $"2022年 {1 + (i % 5)}.{1 + (i % 6)}：未签收 → 已签收", i % 3 == 0 ? null : $"req-{i}", i % 2 == 0 ? null : "10.0.0.7"))).ToList();
        Assert.Empty(first.Commit(steps, acts));

        // An act stored elsewhere (an account change) with a summary longer than the record keeps.
        Assert.Empty(second.Commit([], [new JournalAudit(null, new AuditEntry(at, "admin", null, AuditKinds.Account, new string('长', 800), null, null))]));

        // A batch with one stale step: its record is left out with it, the others are kept.
        var stale = first.Commit(
            [new JournalRecord(keys[0], "{\"v\":2}", 1), new JournalRecord(keys[1], "{\"v\":2}", 5)],
            [new JournalAudit(keys[0], acts[0].Entry with { Summary = "第二次" }), new JournalAudit(keys[1], acts[1].Entry with { Summary = "过期" })]);
        Assert.Equal(new[] { keys[1] }, stale.ToArray());

        // Two writers (two silos) appending at once: the database serializes them, the chain does not fork.
        await Task.WhenAll(
            Task.Run(() => AppendManyAsync(first, "first", at)),
            Task.Run(() => AppendManyAsync(second, "second", at)));

        var verified = await reader.VerifyAsync();
        Assert.True(verified.Intact, string.Join("；", verified.Problems));
        Assert.Equal(300 + 1 + 1 + (2 * 20 * 10), verified.Records);

        var history = await reader.HistoryAsync("141181004", null, null, null);
        var record = Assert.Single(history);
        Assert.Equal("reporter-4", record.Entry.Account);
        Assert.Equal("req-4", record.Entry.RequestId);
        Assert.Null(record.Entry.ClientAddress);
        Assert.Equal(at.AddTicks(4), record.Entry.At);
        Assert.Equal(5, record.Seq);
        Assert.Equal(AuditChain.Hash(record.Seq, record.Entry, record.PrevHash), record.Hash);
        var first0 = Assert.Single(await reader.HistoryAsync("141181000", null, null, null), r => r.Entry.Summary == "第二次");
        Assert.Null(first0.Entry.RequestId);
        Assert.DoesNotContain(await reader.HistoryAsync("141181001", null, null, null), r => r.Entry.Summary == "过期");
    }

    private static async Task AppendManyAsync(IProgressJournalStore store, string writer, DateTimeOffset at)
    {
        for (var batch = 0; batch < 20; batch++)
        {
            var acts = Enumerable.Range(0, 10).Select(i => new JournalAudit(null, new AuditEntry(at, writer, "14", AuditKinds.Urge, $"{writer} {batch}.{i}", null, null))).ToList();
            Assert.Empty(store.Commit([], acts));
        }
    }
}

/// <summary>
/// SQLite's per-body index of the record (AuditBodyIndex): history shows indexed records and those past
/// the mark alike, a database from before the index table is indexed by the first pass, and a record the
/// index lacks is reported by verification.
/// </summary>
public sealed class AuditBodyIndexTests : IDisposable
{
    private readonly string _folder = TempFolder.Create("govopenness-audit-index");
    private readonly StorageSettings _settings;

    public AuditBodyIndexTests()
    {
        _settings = new StorageSettings { DataDirectory = _folder };
        DatabaseSchema.ApplySqlite(_settings.SqlitePath);
    }

    public void Dispose() => TempFolder.Delete(_folder);

    [Fact]
    public async Task History_shows_indexed_records_and_those_past_the_mark_once_each()
    {
        using var store = new SqliteProgressJournalStore(_settings.SqlitePath, _settings.ServiceId);
        store.Commit([], Acts("141181", 0, 30));
        Assert.Equal(30, await CatchUpAsync());
        store.Commit([], Acts("141181", 30, 12));

        var reader = new AuditReader(new DatabaseConnections(_settings));
        var history = await reader.HistoryAsync("141181", null, null, null);

        Assert.Equal(Enumerable.Range(1, 42).Reverse().Select(i => (long)i), history.Select(r => r.Seq));
        var window = await reader.HistoryAsync("141181", At.AddMinutes(25), At.AddMinutes(35), null);
        Assert.Equal(Enumerable.Range(26, 10).Reverse().Select(i => (long)i), window.Select(r => r.Seq));
        Assert.Empty(await reader.HistoryAsync("141182", null, null, null));
        Assert.True((await reader.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task A_database_from_before_the_index_table_is_indexed_by_the_first_pass()
    {
        // The old layout: an index on AuditRecord, records and no mark.
        Execute("CREATE INDEX AuditByBody ON AuditRecord (ServiceId, BodyId, At);");
        using (var old = new SqliteProgressJournalStore(_settings.SqlitePath, _settings.ServiceId))
        {
            old.Commit([], Acts("1411", 0, 25));
        }

        Execute("DELETE FROM AuditIndexMark;");
        DatabaseSchema.ApplySqlite(_settings.SqlitePath);
        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'AuditByBody';"));

        using var store = new SqliteProgressJournalStore(_settings.SqlitePath, _settings.ServiceId);
        store.Commit([], Acts("1411", 25, 1));

        Assert.Equal(25L, Scalar("SELECT Seq FROM AuditIndexMark;"));
        Assert.Equal(25L, Scalar("SELECT COUNT(*) FROM AuditBodyIndex WHERE BodyId = '1411';"));
        var reader = new AuditReader(new DatabaseConnections(_settings));
        Assert.Equal(26, (await reader.HistoryAsync("1411", null, null, null)).Count);
        Assert.True((await reader.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Verification_reports_a_record_the_index_lacks()
    {
        using var store = new SqliteProgressJournalStore(_settings.SqlitePath, _settings.ServiceId);
        store.Commit([], Acts("141181", 0, 5));
        await CatchUpAsync();
        var error = Assert.ThrowsAny<Exception>(() => Execute("DELETE FROM AuditBodyIndex WHERE Seq = 3;"));
        Assert.Contains("append-only", error.Message);

        Execute("DROP TRIGGER AuditBodyIndexNoDelete; DELETE FROM AuditBodyIndex WHERE Seq = 3;");

        var verified = await new AuditReader(new DatabaseConnections(_settings)).VerifyAsync();
        Assert.Contains("第3条记录不在按机构的索引中（操作记录查询查不到它）", verified.Problems);
    }

    private static readonly DateTimeOffset At = new(2022, 7, 1, 8, 0, 0, TimeSpan.Zero);

    private static List<JournalAudit> Acts(string body, int from, int count) =>
        [.. Enumerable.Range(from, count).Select(i => new JournalAudit(null, new AuditEntry(At.AddMinutes(i), "reporter", body, AuditKinds.Progress, $"第{i}步", null, null)))];

    private async Task<long> CatchUpAsync()
    {
        await using var connection = DatabaseSchema.OpenSqlite(_settings.SqlitePath);
        return await AuditBodyIndex.CatchUpAsync(connection, _settings.ServiceId);
    }

    private void Execute(string sql)
    {
        using var connection = DatabaseSchema.OpenSqlite(_settings.SqlitePath);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private long Scalar(string sql)
    {
        using var connection = DatabaseSchema.OpenSqlite(_settings.SqlitePath);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
