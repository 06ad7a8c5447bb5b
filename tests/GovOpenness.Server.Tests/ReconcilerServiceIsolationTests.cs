using GovOpenness.Grains.Storage;
using GovOpenness.Grains.Storage.Journal;

namespace GovOpenness.Server.Tests;

/// <summary>
/// The progress reconciler asks its journal store which records changed lately and has each of those
/// grains resend its summary. Two services (Orleans ServiceIds) on one database must not see each
/// other's records there, nor read or overwrite them: the store is keyed by the silo's ServiceId.
/// </summary>
public sealed class ReconcilerServiceIsolationTests
{
    [PostgresFact]
    public async Task Two_services_on_one_postgres_database_reconcile_only_their_own_records()
    {
        var connectionString = PostgresFactAttribute.Require();
        DatabaseSchema.ApplyPostgres(connectionString);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        using var first = new PostgresProgressJournalStore(connectionString, "first-" + suffix);
        using var second = new PostgresProgressJournalStore(connectionString, "second-" + suffix);

        await AssertIsolatedAsync(first, second);
    }

    [Fact]
    public async Task Two_services_on_one_sqlite_file_reconcile_only_their_own_records()
    {
        var folder = TempFolder.Create("govopenness-services");
        try
        {
            var path = Path.Combine(folder, "govopenness.db");
            DatabaseSchema.ApplySqlite(path);
            using var first = new SqliteProgressJournalStore(path, "first");
            using var second = new SqliteProgressJournalStore(path, "second");

            await AssertIsolatedAsync(first, second);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            TempFolder.Delete(folder);
        }
    }

    private static async Task AssertIsolatedAsync(IProgressJournalStore first, IProgressJournalStore second)
    {
        // The same grain key in both services (two deployments of the same hierarchy), plus one key each.
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);
        Assert.Empty(first.Commit([new("14/2022", "{\"s\":1}", 0), new("1401/2022", "{\"s\":1}", 0)], []));
        Assert.Empty(second.Commit([new("14/2022", "{\"s\":2}", 0), new("1402/2022", "{\"s\":2}", 0)], []));

        // What each reconciler would ask to resend: its own keys only.
        Assert.Equal(["14/2022", "1401/2022"], (await first.KeysModifiedSinceAsync(since)).Order(StringComparer.Ordinal));
        Assert.Equal(["14/2022", "1402/2022"], (await second.KeysModifiedSinceAsync(since)).Order(StringComparer.Ordinal));

        // Each reads its own record of the shared key, and a write of one leaves the other's alone.
        Assert.Equal("{\"s\":1}", (await first.LoadAsync(["14/2022"]))["14/2022"].Payload);
        Assert.Empty(second.Commit([new("14/2022", "{\"s\":3}", 1)], []));
        Assert.Equal(new StoredRecord("{\"s\":1}", 1), (await first.LoadAsync(["14/2022"]))["14/2022"]);
        Assert.Equal(new StoredRecord("{\"s\":3}", 2), (await second.LoadAsync(["14/2022"]))["14/2022"]);
        Assert.False((await first.LoadAsync(["1402/2022"])).ContainsKey("1402/2022"));
    }
}
