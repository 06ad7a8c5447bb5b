using System.Net;
using System.Net.Http.Headers;
using GovOpenness.Server.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace GovOpenness.Server.Tests.Workspace;

/// <summary>A saved draft, an evidence file and an urge belong to the body, not to the process: they survive a restart.</summary>
public sealed class WorkspaceRestartTests : IDisposable
{
    private readonly string _dataDirectory = TempFolder.Create("govopenness-workspace-restart");

    public void Dispose() => TempFolder.Delete(_dataDirectory);

    [Fact]
    public async Task A_draft_an_evidence_file_and_an_urge_survive_a_restart_and_the_draft_still_reaches_no_child()
    {
        byte[] pdf = [.. "%PDF-1.4\n重启测试\n"u8.ToArray()];
        string evidenceId;
        await using (var before = new ServerFactory(_dataDirectory, seed: false))
        {
            using var client = before.CreateClient();
            await PublishAsync(client);
            var saved = await client.PostAsync("/api/bodies/6501/plans/2053/draft",
                Json.Body("""{"changes":[{"itemId":"1","deadline":{"text":"7月底前","kind":"by","date":"2053-07-31"}}]}"""));
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            using var form = new MultipartFormDataContent { { new ByteArrayContent(pdf), "file", "材料.pdf" } };
            evidenceId = (await Json.ReadAsync(await client.PostAsync("/api/bodies/650102/evidence", form))).GetProperty("id").GetString()!;
            using var reviewer = As(before, "6501", "reviewer");
            Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsync("/api/bodies/6501/urge", Json.Body("""{"bodyIds":["650102"],"message":"重启前催办"}"""))).StatusCode);
        }

        await using var after = new ServerFactory(_dataDirectory, seed: false);
        using var editor = As(after, "6501", "editor");
        var draft = await Json.ReadAsync(await editor.GetAsync("/api/bodies/6501/plans/2053/draft"));
        using var reader = after.CreateClient();
        await SettledAsync(reader); // whatever the restart's resumption sends is done before the reads
        var below = await Json.ReadAsync(await reader.GetAsync("/api/bodies/650102/plans/2053"));
        var inbox = await Json.ReadAsync(await reader.GetAsync("/api/bodies/650102/inbox?year=2053"));

        Assert.Equal(("draft", 1), (draft.GetProperty("state").GetString(), draft.GetProperty("version").GetInt32()));
        Assert.Equal("2053-07-31", draft.GetProperty("changes")[0].GetProperty("change").GetProperty("deadline").GetProperty("date").GetString());
        Assert.Equal("2053-11-30", below.GetProperty("items")[0].GetProperty("item").GetProperty("deadlines")[0].GetProperty("date").GetString());
        Assert.Equal(pdf, await reader.GetByteArrayAsync($"/api/evidence/{evidenceId}"));
        Assert.Equal("重启前催办", inbox.GetProperty("urges")[0].GetProperty("message").GetString());
    }

    private static async Task PublishAsync(HttpClient client)
    {
        var plan = """
            {"year":2053,"title":"重启测试","items":[
              {"id":"1","heading":"公开预算","text":"公开预算决算信息","deadlines":[{"text":"11月底前","kind":"by","date":"2053-11-30"}],"units":["财政厅"]}]}
            """;
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/bodies/65/plans", Json.Body(plan))).StatusCode);
        await SettledAsync(client); // delivered to 6501 and 650102 before the draft, as a user would find it
    }

    /// <summary>The server's signal that its pipeline has settled (deliveries done), no waiting by the clock.</summary>
    private static Task SettledAsync(HttpClient client) => client.WaitSettledAsync();

    private static HttpClient As(ServerFactory factory, string bodyId, params string[] roles)
    {
        var client = factory.CreateAnonymousClient();
        var token = factory.Services.GetRequiredService<AccessTokens>().Issue(AccountClaims.Principal($"restart-{bodyId}", bodyId, roles, "test"));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
