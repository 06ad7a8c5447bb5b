using System.Net;

namespace GovOpenness.Server.Tests.Workspace;

/// <summary>催办 and the inbox (待办) over real HTTP: reports waiting for review, returns and urges reach the right body.</summary>
[Collection(WorkspaceCollection.Name)]
public sealed class UrgeInboxApiTests(WorkspaceServer fixture)
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task A_childs_report_waits_in_the_parents_inbox_and_a_return_in_the_childs()
    {
        await fixture.PublishAsync(2051);
        await _client.PostAsync("/api/bodies/650102/progress", Json.Body("""{"year":2051,"itemId":"1","step":"acknowledged"}"""));
        await _client.PostAsync("/api/bodies/650102/progress", Json.Body("""{"year":2051,"itemId":"1","step":"reported","note":"已公开","evidence":["https://www.example.gov.cn/a"]}"""));

        var parent = await Json.ReadAsync(await _client.GetAsync("/api/bodies/6501/inbox?year=2051"));
        var review = Assert.Single(parent.GetProperty("reviews").EnumerateArray());
        Assert.Equal(("650102", "1", "公开预算", "已公开"), (review.GetProperty("bodyId").GetString(), review.GetProperty("itemId").GetString(),
            review.GetProperty("heading").GetString(), review.GetProperty("note").GetString()));
        Assert.Equal("https://www.example.gov.cn/a", review.GetProperty("evidence")[0].GetString());

        using var sibling = fixture.As("650103", "reviewer");
        using var refusedReview = await sibling.PostAsync("/api/bodies/650102/progress", Json.Body("""{"year":2051,"itemId":"1","step":"returned","note":"材料不全"}"""));
        using var returned = await fixture.As("6501", "reviewer").PostAsync("/api/bodies/650102/progress", Json.Body("""{"year":2051,"itemId":"1","step":"returned","note":"材料不全"}"""));
        var parentAfter = await Json.ReadAsync(await _client.GetAsync("/api/bodies/6501/inbox?year=2051"));
        var child = await Json.ReadAsync(await _client.GetAsync("/api/bodies/650102/inbox?year=2051"));

        Assert.Equal(HttpStatusCode.Forbidden, refusedReview.StatusCode);
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        Assert.Empty(parentAfter.GetProperty("reviews").EnumerateArray());
        var back = Assert.Single(child.GetProperty("returns").EnumerateArray());
        Assert.Equal(("1", "材料不全"), (back.GetProperty("itemId").GetString(), back.GetProperty("reason").GetString()));
        Assert.Equal(1, child.GetProperty("counts").GetProperty("returns").GetInt32());
    }

    [Fact]
    public async Task A_reviewer_urges_bodies_below_it_and_each_sees_the_urge_in_its_inbox()
    {
        using var reviewer = fixture.As("6501", "reviewer");
        using var urged = await reviewer.PostAsync("/api/bodies/6501/urge",
            Json.Body("""{"bodyIds":["650102","650102002"],"message":"请于本周内完成反馈"}"""));
        var county = await Json.ReadAsync(await _client.GetAsync("/api/bodies/650102/inbox?year=2052"));
        var township = await Json.ReadAsync(await _client.GetAsync("/api/bodies/650102002/inbox?year=2052"));
        var history = (await Json.ReadAsync(await _client.GetAsync("/api/bodies/6501/history?kind=urge"))).EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.OK, urged.StatusCode);
        Assert.Contains(county.GetProperty("urges").EnumerateArray(), u => u.GetProperty("message").GetString() == "请于本周内完成反馈" && u.GetProperty("fromBodyId").GetString() == "6501");
        Assert.Equal("请于本周内完成反馈", township.GetProperty("urges")[0].GetProperty("message").GetString());
        Assert.Contains(history, r => r.GetProperty("summary").GetString()!.Contains("650102002"));
    }

    [Fact]
    public async Task Urging_outside_the_subtree_without_the_reviewer_role_or_without_a_message_is_refused_and_urges_nobody()
    {
        using var reviewer = fixture.As("6501", "reviewer");
        using var outside = await reviewer.PostAsync("/api/bodies/6501/urge", Json.Body("""{"bodyIds":["650104","650202"],"message":"催办"}"""));
        using var editor = await fixture.As("6501", "editor").PostAsync("/api/bodies/6501/urge", Json.Body("""{"bodyIds":["650104"],"message":"催办"}"""));
        using var empty = await reviewer.PostAsync("/api/bodies/6501/urge", Json.Body("""{"bodyIds":["650104"],"message":""}"""));
        var inbox = await Json.ReadAsync(await _client.GetAsync("/api/bodies/650104/inbox?year=2052"));

        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, editor.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Empty(inbox.GetProperty("urges").EnumerateArray());
    }
}
