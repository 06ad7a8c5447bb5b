using System.Net;
using Microsoft.AspNetCore.SignalR;

namespace GovOpenness.Server.Tests;

/// <summary>/hubs/cascade over a real WebSocket: what a viewer of a body receives as progress is posted.</summary>
public sealed class LiveHubTests(LiveServer server) : IClassFixture<LiveServer>
{
    private async Task PublishAsync(string bodyId, int year)
    {
        var plan = $$"""
            {"year":{{year}},"title":"实时推送测试","items":[
              {"id":"1","heading":"公开预算","text":"公开预算决算","deadlines":[{"text":"11月底前","kind":"by","date":"{{year}}-11-30"}],"units":["财政厅"]}]}
            """;
        var response = await server.Client.PostAsync($"/api/bodies/{bodyId}/plans", Json.Body(plan));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private async Task AcknowledgeAsync(string bodyId, int year)
    {
        var response = await server.Client.PostAsync($"/api/bodies/{bodyId}/progress", Json.Body($$"""{"year":{{year}},"itemId":"1","step":"acknowledged"}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_subscriber_gets_the_current_summary_then_the_pushed_change()
    {
        await PublishAsync("44", 2031);
        await using var viewer = await server.ConnectAsync();

        await viewer.SubscribeAsync("4401", 2031);
        var current = await viewer.WaitForAsync(s => s.BodyId == "4401", "订阅时的当前汇总");
        Assert.Equal(0, current.Count("itemsAcknowledged"));
        Assert.Equal("44", current.ParentId);

        await AcknowledgeAsync("4401", 2031);
        var pushed = await viewer.WaitForAsync(s => s.BodyId == "4401" && s.Count("itemsAcknowledged") == 1, "4401 签收后的汇总");
        Assert.Equal(2031, pushed.Year);
        Assert.True(pushed.SentAt >= pushed.PushedAt, "主机发送时间早于推送时间");
    }

    [Fact]
    public async Task A_childs_change_reaches_a_subscriber_of_the_parent()
    {
        await PublishAsync("45", 2031);
        await using var viewer = await server.ConnectAsync();
        await viewer.SubscribeAsync("45", 2031);
        await viewer.WaitForAsync(s => s.BodyId == "45", "订阅时的当前汇总");

        await AcknowledgeAsync("4502", 2031);

        var child = await viewer.WaitForAsync(s => s.BodyId == "4502" && s.Count("itemsAcknowledged") == 1, "下级 4502 的汇总");
        Assert.Equal("45", child.ParentId);

        // The parent's own roll-up follows after the child's flush (1 s by default).
        await viewer.WaitForAsync(s => s.BodyId == "45" && s.Count("itemsAcknowledged") == 1, "上级 45 汇总含下级的签收");
    }

    [Fact]
    public async Task A_viewer_of_another_body_receives_nothing_of_it()
    {
        await PublishAsync("46", 2031);
        await using var watcher = await server.ConnectAsync();
        await using var other = await server.ConnectAsync();
        await watcher.SubscribeAsync("4601", 2031);
        await other.SubscribeAsync("4602", 2031);
        await watcher.WaitForAsync(s => s.BodyId == "4601", "4601 的当前汇总");
        await other.WaitForAsync(s => s.BodyId == "4602", "4602 的当前汇总");

        await AcknowledgeAsync("4601", 2031);
        await AcknowledgeAsync("4602", 2031);

        // Both changes are pushed; each viewer sees only its own body (4602's change arrives at "other").
        await watcher.WaitForAsync(s => s.BodyId == "4601" && s.Count("itemsAcknowledged") == 1, "4601 的变化");
        await other.WaitForAsync(s => s.BodyId == "4602" && s.Count("itemsAcknowledged") == 1, "4602 的变化");
        await other.UnsubscribeAsync("4602", 2031);
        await Assert.ThrowsAsync<Xunit.Sdk.XunitException>(() => watcher.WaitForAsync(s => s.BodyId == "4602", "不应收到 4602", TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public async Task Subscribing_to_an_unknown_body_is_refused_in_chinese()
    {
        await using var viewer = await server.ConnectAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => viewer.SubscribeAsync("99x", 2022));

        Assert.Contains("机构“99x”不存在", error.Message);
    }
}
