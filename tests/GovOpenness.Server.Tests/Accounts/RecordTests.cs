using System.Net;
using GovOpenness.Grains.Storage;
using GovOpenness.Grains.Storage.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace GovOpenness.Server.Tests;

/// <summary>The record (留痕): every write appends a chained record; verification finds a changed or missing one.</summary>
public sealed class RecordTests : IAsyncLifetime
{
    private readonly string _folder = TempFolder.Create("govopenness-record");
    private ServerFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new ServerFactory(_folder);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        TempFolder.Delete(_folder);
    }

    [Fact]
    public async Task Steps_reviews_localizations_and_failed_sign_ins_are_recorded_with_account_request_and_address()
    {
        await SignIn.CreateAccountAsync(_factory, "rec-xiaoyi", "xiaoyi-password", "141181", "editor", "reporter");
        await SignIn.CreateAccountAsync(_factory, "rec-lvliang", "lvliang-password", "1411", "reviewer");
        using var xiaoyi = await SignIn.ClientAsync(_factory, "rec-xiaoyi", "xiaoyi-password");
        using var lvliang = await SignIn.ClientAsync(_factory, "rec-lvliang", "lvliang-password");
        using var anonymous = _factory.CreateAnonymousClient();

        await PostOkAsync(xiaoyi, "/api/bodies/141181/progress", """{"year":2022,"itemId":"5.3","step":"acknowledged","requestId":"rec-1"}""");
        await PostOkAsync(xiaoyi, "/api/bodies/141181/progress", """{"year":2022,"itemId":"5.3","step":"reported","evidence":["https://www.xiaoyi.gov.cn/1"],"requestId":"rec-2"}""");
        await PostOkAsync(lvliang, "/api/bodies/141181/progress", """{"year":2022,"itemId":"5.3","step":"returned","note":"材料不全","requestId":"rec-3"}""");
        await PostOkAsync(xiaoyi, "/api/bodies/141181/plans/2022/localize", """{"changes":[]}""");
        await anonymous.PostAsync("/api/auth/token", Json.Body("""{"account":"rec-xiaoyi","password":"wrong-password"}"""));

        var history = (await Json.ReadAsync(await xiaoyi.GetAsync("/api/bodies/141181/history"))).EnumerateArray().ToList();

        var review = Assert.Single(history, r => r.GetProperty("kind").GetString() == "review");
        Assert.Equal("rec-lvliang", review.GetProperty("account").GetString());
        Assert.Equal("rec-3", review.GetProperty("requestId").GetString());
        Assert.Contains("已反馈 → 办理中", review.GetProperty("summary").GetString());
        Assert.Contains("材料不全", review.GetProperty("summary").GetString());
        Assert.Equal(2, history.Count(r => r.GetProperty("kind").GetString() == "progress" && r.GetProperty("account").GetString() == "rec-xiaoyi"));
        Assert.Single(history, r => r.GetProperty("kind").GetString() == "localize");
        Assert.Single(history, r => r.GetProperty("kind").GetString() == "signInFailed");
        Assert.Single(history, r => r.GetProperty("kind").GetString() == "account" && r.GetProperty("summary").GetString()!.Contains("rec-xiaoyi"));

        var reviews = (await Json.ReadAsync(await xiaoyi.GetAsync("/api/bodies/141181/history?kind=review"))).EnumerateArray().ToList();
        Assert.Single(reviews);
        Assert.Equal(HttpStatusCode.Forbidden, (await xiaoyi.GetAsync("/api/bodies/1411/history")).StatusCode);
    }

    [Fact]
    public async Task A_refused_act_leaves_no_record()
    {
        using var client = _factory.CreateClient();
        var before = await CountAsync();

        var refused = await client.PostAsync("/api/bodies/141181/progress", Json.Body("""{"year":2022,"itemId":"5.3","step":"accepted"}"""));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Verification_finds_a_changed_record_and_a_removed_one()
    {
        using var client = _factory.CreateClient();
        foreach (var item in new[] { "1.1", "2.1", "5.3" })
        {
            await PostOkAsync(client, "/api/bodies/141181/progress", $$"""{"year":2022,"itemId":"{{item}}","step":"acknowledged"}""");
        }

        var reader = _factory.Services.GetRequiredService<AuditReader>();
        var intact = await reader.VerifyAsync();
        Assert.True(intact.Intact, string.Join("；", intact.Problems));
        Assert.True(intact.Records >= 4);

        // Someone with the database file: drops the guard, rewrites one record's summary and deletes another.
        Tamper("DROP TRIGGER AuditRecordNoUpdate; DROP TRIGGER AuditRecordNoDelete;" +
               "UPDATE AuditRecord SET Summary = '篡改' WHERE Seq = 2; DELETE FROM AuditRecord WHERE Seq = 3;");

        var broken = await reader.VerifyAsync();

        Assert.False(broken.Intact);
        Assert.Contains(broken.Problems, p => p.Contains("第2条记录内容与其哈希不符"));
        Assert.Contains(broken.Problems, p => p.Contains("第3条至第3条记录缺失"));
    }

    [Fact]
    public void The_record_cannot_be_changed_through_sql_while_its_guard_stands()
    {
        Assert.NotNull(_factory.Services); // started: the schema and the bootstrap administrator's record exist
        var error = Assert.Throws<SqliteException>(() => Tamper("UPDATE AuditRecord SET Summary = '篡改' WHERE Seq = 1;"));

        Assert.Contains("append-only", error.Message);
    }

    private void Tamper(string sql)
    {
        using var connection = DatabaseSchema.OpenSqlite(Path.Combine(_folder, "govopenness.db"));
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private async Task<long> CountAsync() => (await _factory.Services.GetRequiredService<AuditReader>().VerifyAsync()).Records;

    private static async Task PostOkAsync(HttpClient client, string path, string json)
    {
        var response = await client.PostAsync(path, Json.Body(json));
        Assert.True(response.IsSuccessStatusCode, $"{path}：{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
