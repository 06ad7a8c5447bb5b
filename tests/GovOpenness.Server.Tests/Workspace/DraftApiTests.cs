using System.Net;

namespace GovOpenness.Server.Tests.Workspace;

/// <summary>Drafts (草稿) over real HTTP: saved durably, checked by the localization rules, invisible below until 发布.</summary>
[Collection(WorkspaceCollection.Name)]
public sealed class DraftApiTests(WorkspaceServer fixture)
{
    private readonly HttpClient _client = fixture.Client;
    private readonly HttpClient _editor = fixture.As("6501", "editor");

    [Fact]
    public async Task A_saved_draft_reaches_no_child_until_it_is_published()
    {
        await fixture.PublishAsync(2046);
        var tighten = """{"changes":[{"itemId":"1","deadline":{"text":"7月底前","kind":"by","date":"2046-07-31"}},{"itemId":"2","dropReason":"本级无此职能"}]}""";

        using var saved = await _client.PostAsync("/api/bodies/6501/plans/2046/draft", Json.Body(tighten));
        var belowBefore = await Json.ReadAsync(await _client.GetAsync("/api/bodies/650102/plans/2046"));
        var draft = await Json.ReadAsync(await _editor.GetAsync("/api/bodies/6501/plans/2046/draft"));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("2046-11-30", belowBefore.GetProperty("items")[0].GetProperty("item").GetProperty("deadlines")[0].GetProperty("date").GetString());
        Assert.Equal(2, belowBefore.GetProperty("items").GetArrayLength());
        Assert.Equal(("draft", 1), (draft.GetProperty("state").GetString(), draft.GetProperty("version").GetInt32()));
        Assert.Equal("2046-07-31", draft.GetProperty("preview").GetProperty("items")[0].GetProperty("item").GetProperty("deadlines")[0].GetProperty("date").GetString());
        Assert.Contains(draft.GetProperty("diff").GetProperty("entries").EnumerateArray(), e => e.GetProperty("to").GetString() == "2046-07-31");
        var room = Assert.Single(draft.GetProperty("deadlines").EnumerateArray(), d => d.GetProperty("itemId").GetString() == "1");
        Assert.Equal("2046-11-30", room.GetProperty("parentDate").GetString());

        using var published = await _client.PostAsync("/api/bodies/6501/plans/2046/publish", Json.Body("{}"));
        await fixture.SettledAsync();
        var belowAfter = await Json.ReadAsync(await _client.GetAsync("/api/bodies/650102/plans/2046"));
        var history = (await Json.ReadAsync(await _client.GetAsync("/api/bodies/6501/history"))).EnumerateArray().Select(r => r.GetProperty("kind").GetString()).ToList();

        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal("2046-07-31", belowAfter.GetProperty("items")[0].GetProperty("item").GetProperty("deadlines")[0].GetProperty("date").GetString());
        Assert.Equal(1, belowAfter.GetProperty("items").GetArrayLength());
        Assert.Contains("draft", history);
        Assert.Contains("localize", history);
    }

    [Fact]
    public async Task A_later_deadline_is_refused_unless_an_exception_is_requested_with_a_reason()
    {
        await fixture.PublishAsync(2047);
        const string later = """{"itemId":"1","deadline":{"text":"12月底前","kind":"by","date":"2047-12-31"}""";

        using var plain = await _client.PostAsync("/api/bodies/6501/plans/2047/draft", Json.Body($$"""{"changes":[{{later}}}]}"""));
        using var noReason = await _client.PostAsync("/api/bodies/6501/plans/2047/draft", Json.Body($$"""{"changes":[{{later}},"approvedException":true}]}"""));
        var unchanged = await Json.ReadAsync(await _editor.GetAsync("/api/bodies/6501/plans/2047/draft"));
        using var withReason = await _client.PostAsync("/api/bodies/6501/plans/2047/draft",
            Json.Body($$"""{"changes":[{{later}},"approvedException":true,"exceptionReason":"经市政府批准延期"}]}"""));

        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
        Assert.Contains("晚于上级期限", (await Json.ReadAsync(plain)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("理由", (await Json.ReadAsync(noReason)).GetProperty("detail").GetString());
        Assert.Equal(("none", 0), (unchanged.GetProperty("state").GetString(), unchanged.GetProperty("version").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, withReason.StatusCode);
        Assert.Contains((await Json.ReadAsync(withReason)).GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("例外"));
    }

    [Fact]
    public async Task Drafts_refuse_unknown_fields_stale_versions_and_other_bodies_editors()
    {
        await fixture.PublishAsync(2048);
        using var misspelt = await _client.PostAsync("/api/bodies/6501/plans/2048/draft", Json.Body("""{"chnages":[]}"""));
        using var first = await _client.PostAsync("/api/bodies/6501/plans/2048/draft", Json.Body("""{"changes":[],"ifVersion":0}"""));
        using var stale = await _client.PostAsync("/api/bodies/6501/plans/2048/draft", Json.Body("""{"changes":[],"ifVersion":0}"""));
        using var stalePublish = await _client.PostAsync("/api/bodies/6501/plans/2048/publish", Json.Body("""{"ifVersion":5}"""));
        using var parentEditor = fixture.As("65", "editor");
        using var foreign = await parentEditor.PostAsync("/api/bodies/6501/plans/2048/draft", Json.Body("""{"changes":[]}"""));
        using var reporter = fixture.As("6501", "reporter");
        using var notEditor = await reporter.GetAsync("/api/bodies/6501/plans/2048/draft");

        Assert.Equal(HttpStatusCode.BadRequest, misspelt.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("已被他人修改", (await Json.ReadAsync(stale)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Conflict, stalePublish.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notEditor.StatusCode);
    }

    [Fact]
    public async Task Publishing_without_a_draft_adopts_the_parents_plan_and_clears_it_from_the_inbox()
    {
        await fixture.PublishAsync(2049);
        var before = await Json.ReadAsync(await _client.GetAsync("/api/bodies/6501/inbox?year=2049"));

        using var adopted = await _client.PostAsync("/api/bodies/6501/plans/2049/publish", Json.Body("{}"));
        var after = await Json.ReadAsync(await _client.GetAsync("/api/bodies/6501/inbox?year=2049"));

        Assert.Equal("65", Assert.Single(before.GetProperty("plans").EnumerateArray()).GetProperty("parentId").GetString());
        Assert.Equal(HttpStatusCode.OK, adopted.StatusCode);
        Assert.Empty(after.GetProperty("plans").EnumerateArray());
        Assert.Equal(0, after.GetProperty("counts").GetProperty("plans").GetInt32());
    }
}
