using System.Diagnostics;
using System.Globalization;
using System.Net;
using GovOpenness.Server.Live;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace GovOpenness.Server.Tests;

/// <summary>
/// A viewer that stops reading must not hold up anyone else: not the viewers of another body, and not
/// the viewers in its own group. The server's SignalR buffers are made small
/// (<c>GovOpenness:Live:ConnectionBufferSize</c>, and the sockets' kernel buffers) and the stalled viewer
/// reads nothing, so its backlog fills the kernel's buffers and then SignalR's within some rounds.
/// </summary>
public sealed class LiveSlowViewerTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Year = 2031;
    private const string Parent = "141181";
    private const int MaxRounds = 600;
    private const int RoundsAfterStall = 40;
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(2);

    private readonly LiveServer _server = LiveServer.WithSettings(new Dictionary<string, string>
    {
        ["GovOpenness:Live:ConnectionBufferSize"] = "1024",
        ["GovOpenness:Live:PushInterval"] = "00:00:00.010",
    }, socketSendBuffer: 4096);

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task A_stalled_viewer_delays_neither_its_own_group_nor_another_body()
    {
        // 孝义市 and two of its townships: a small subtree, so the plan's many items cost little.
        await PublishAsync(Parent, MaxRounds);
        var children = (await Json.ReadAsync(await _server.Client.GetAsync($"/api/bodies/{Parent}?take=2"))).GetProperty("children");
        var (watched, other) = (children[0].GetProperty("id").GetString()!, children[1].GetProperty("id").GetString()!);
        var broadcaster = _server.Services.GetRequiredService<SummaryBroadcaster>();
        await using var stalled = await StalledViewer.ConnectAsync(_server.BaseAddress, receiveBufferSize: 1024, ActingHandler.TokenFor(_server.Services, "cn"));
        await using var sameGroup = await _server.ConnectAsync();
        await using var otherBody = await _server.ConnectAsync();

        // The stalled viewer watches one township (sameGroup's group) and the county's children (both), so every
        // round sends it three summaries; it never reads them. otherBody watches the other township, in a group of its own.
        await stalled.SubscribeAsync(watched, Year);
        await stalled.SubscribeAsync(Parent, Year);
        await sameGroup.SubscribeAsync(watched, Year);
        await otherBody.SubscribeAsync(other, Year);
        await sameGroup.WaitForAsync(s => s.BodyId == watched, $"{watched} 的当前汇总");
        await otherBody.WaitForAsync(s => s.BodyId == other, $"{other} 的当前汇总");

        int? stalledAt = null;
        var worst = (SameGroup: TimeSpan.Zero, OtherBody: TimeSpan.Zero);
        var worstAfterStall = worst;
        var round = 0;
        while (round < MaxRounds && (stalledAt is null || round < stalledAt + RoundsAfterStall))
        {
            round++;
            var item = round.ToString(CultureInfo.InvariantCulture);
            var posted = Stopwatch.StartNew();
            await AcknowledgeAsync(watched, item);
            await AcknowledgeAsync(other, item);

            // Each viewer must see this very round's count (the next round waits for it).
            await sameGroup.WaitForAsync(s => s.BodyId == watched && s.Count("itemsAcknowledged") == round, $"第 {round} 轮 {watched}（与停滞者同组）", Prompt);
            var sameGroupTook = posted.Elapsed;
            await otherBody.WaitForAsync(s => s.BodyId == other && s.Count("itemsAcknowledged") == round, $"第 {round} 轮 {other}（另一机构）", Prompt);
            var otherBodyTook = posted.Elapsed;

            worst = (Max(worst.SameGroup, sameGroupTook), Max(worst.OtherBody, otherBodyTook));
            if (stalledAt is not null)
            {
                worstAfterStall = (Max(worstAfterStall.SameGroup, sameGroupTook), Max(worstAfterStall.OtherBody, otherBodyTook));
            }
            else if (broadcaster.CountWaitingLongerThan(TimeSpan.FromSeconds(1)) > 0)
            {
                stalledAt = round;
            }
        }

        output.WriteLine($"stalled from round {stalledAt}; {round} rounds; worst post-to-receipt same group {worst.SameGroup.TotalMilliseconds:F0} ms, other body {worst.OtherBody.TotalMilliseconds:F0} ms; after the stall {worstAfterStall.SameGroup.TotalMilliseconds:F0} ms, {worstAfterStall.OtherBody.TotalMilliseconds:F0} ms");
        Assert.True(stalledAt is not null, $"{MaxRounds} 轮后停滞的订阅者仍未阻塞：测试未覆盖慢速客户端");
        Assert.Equal(stalledAt + RoundsAfterStall, round);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private async Task PublishAsync(string bodyId, int items)
    {
        var list = string.Join(",", Enumerable.Range(1, items).Select(i =>
            $$"""{"id":"{{i}}","heading":"公开事项{{i}}","text":"公开第{{i}}项","deadlines":[{"text":"11月底前","kind":"by","date":"{{Year}}-11-30"}],"units":["办公厅"]}"""));
        var response = await _server.Client.PostAsync($"/api/bodies/{bodyId}/plans", Json.Body($$"""{"year":{{Year}},"title":"慢速订阅者测试","items":[{{list}}]}"""));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private async Task AcknowledgeAsync(string bodyId, string itemId)
    {
        var response = await _server.Client.PostAsync($"/api/bodies/{bodyId}/progress", Json.Body($$"""{"year":{{Year}},"itemId":"{{itemId}}","step":"acknowledged"}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
