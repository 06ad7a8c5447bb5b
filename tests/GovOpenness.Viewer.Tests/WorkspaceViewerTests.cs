using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static GovOpenness.Viewer.Tests.ViewerPages;

namespace GovOpenness.Viewer.Tests;

/// <summary>
/// The body's workspace (工作台) in Debian's Chromium, each test signed in as the account whose act it is:
/// the editor's draft (调整时限, refused later date, 责任单位, 保存草稿, 发布), the reporter's 签收/办理/反馈
/// with evidence (and a file too large), the reviewer's 退回 and 催办, a non-parent's review refused, and
/// pushes that leave an open explanation and a half-filled draft alone.
/// </summary>
public sealed class WorkspaceViewerTests(ViewerServer server) : IClassFixture<ViewerServer>
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(60);

    private async Task CreateAccountAsync(string account, string password, string bodyId, params string[] roles)
    {
        using var http = server.CreateClient(); // acts as an administrator of cn
        var response = await http.PostAsJsonAsync("/api/accounts", new { account, password, bodyId, roles });
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"账号未创建：{await response.Content.ReadAsStringAsync()}");
    }

    private async Task<IPage> SignedInAsync(LaunchedBrowser browser, string account, string password)
    {
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        await OpenSignedInAsync(page, server.BaseAddress.ToString(), account, password);
        await Assertions.Expect(page.Locator("#panel .workspace h3")).ToHaveTextAsync("本级工作台", new() { Timeout = 30_000 });
        return page;
    }

    private static async Task<JsonElement> ItemAsync(HttpClient http, string bodyId, string itemId) =>
        (await http.GetFromJsonAsync<JsonElement>($"/api/bodies/{bodyId}/plans/2022")).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("item").GetProperty("id").GetString() == itemId).GetProperty("item");

    [ChromiumFact]
    public async Task An_editor_tightens_a_deadline_is_refused_a_later_one_and_children_receive_the_draft_only_on_publish()
    {
        await CreateAccountAsync("ws-lishi", "lishi-password-1", "141102", "editor");
        using var http = server.CreateClient();
        await using var browser = await LaunchChromiumAsync();
        var page = await SignedInAsync(browser, "ws-lishi", "lishi-password-1");
        var inbox = page.Locator("#panel .inbox");
        await Assertions.Expect(inbox).ToContainTextAsync("待采用的上级工作要点");
        await Assertions.Expect(page.GetByTestId("inbox-count")).ToContainTextAsync("待办 1");

        await inbox.GetByRole(AriaRole.Button, new() { Name = "调整时限等（打开草稿）" }).ClickAsync();
        var row = page.Locator(".draft-table tr.parent-item").Filter(new() { Has = page.Locator(".hint", new() { HasTextString = "上级时限" }) }).First;
        var itemId = await row.GetAttributeAsync("data-item-id");
        var date = row.Locator("input.deadline-input");
        var parentDate = DateOnly.ParseExact(await date.InputValueAsync(), "yyyy-MM-dd", CultureInfo.InvariantCulture);

        await date.FillAsync(parentDate.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Assertions.Expect(row.Locator(".row-error")).ToContainTextAsync("晚于上级时限");
        await Assertions.Expect(date).ToHaveAttributeAsync("aria-invalid", "true");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Assertions.Expect(page.Locator(".draft-message")).ToContainTextAsync("草稿未保存");

        await row.Locator("input.exception-input").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Assertions.Expect(page.Locator(".draft-message")).ToContainTextAsync("理由");

        await row.Locator("input.exception-input").UncheckAsync();
        var earlier = parentDate.AddDays(-10);
        await date.FillAsync(earlier.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel($"责任单位（事项 {itemId}）").FillAsync("离石区财政局");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Assertions.Expect(page.Locator(".workspace .draft [role=status]")).ToContainTextAsync("已保存草稿第 1 版");
        await Assertions.Expect(page.Locator($".draft-diff li[data-item-id='{itemId}'][data-field='deadline']")).ToContainTextAsync("→");

        await WaitSettledAsync(http, Settle);
        var beforePublish = await ItemAsync(http, "141102001", itemId!);
        Assert.Equal(parentDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), beforePublish.GetProperty("deadlines")[0].GetProperty("date").GetString());

        await page.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
        await Assertions.Expect(page.Locator(".workspace .draft [role=status]")).ToContainTextAsync("已发布");
        await WaitSettledAsync(http, Settle);
        var afterPublish = await ItemAsync(http, "141102001", itemId!);
        Assert.Contains(afterPublish.GetProperty("deadlines").EnumerateArray(), d => d.GetProperty("date").GetString() == earlier.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Contains("离石区财政局", afterPublish.GetProperty("units").EnumerateArray().Select(u => u.GetString()));
        await Assertions.Expect(page.GetByTestId("inbox-count")).ToContainTextAsync("待办 0");
    }

    [ChromiumFact]
    public async Task A_reporter_acknowledges_handles_and_reports_with_a_file_and_a_link_and_a_file_too_large_is_refused()
    {
        await CreateAccountAsync("ws-wenshui", "wenshui-password-1", "141121", "reporter");
        using var http = server.CreateClient();
        await using var browser = await LaunchChromiumAsync();
        var page = await SignedInAsync(browser, "ws-wenshui", "wenshui-password-1");
        var item = page.Locator(".report-items > li").First;
        var itemId = await item.GetAttributeAsync("data-item-id");
        var sameItem = page.Locator($".report-items > li[data-item-id='{itemId}']");

        await sameItem.GetByRole(AriaRole.Button, new() { Name = "签收" }).ClickAsync();
        await Assertions.Expect(sameItem).ToHaveAttributeAsync("data-status", "acknowledged");
        await sameItem.GetByLabel("进度（%）").FillAsync("50");
        await sameItem.GetByLabel("办理情况").FillAsync("正在整理公开材料");
        await sameItem.GetByRole(AriaRole.Button, new() { Name = "办理" }).ClickAsync();
        await Assertions.Expect(sameItem).ToContainTextAsync("50%");

        byte[] tooLarge = [.. "%PDF-1.4\n"u8.ToArray(), .. new byte[300 * 1024]];
        await sameItem.GetByLabel("佐证材料文件").SetInputFilesAsync(new FilePayload { Name = "全年材料.pdf", MimeType = "application/pdf", Buffer = tooLarge });
        await sameItem.GetByRole(AriaRole.Button, new() { Name = "反馈" }).ClickAsync();
        await Assertions.Expect(sameItem.Locator("[role=alert]")).ToContainTextAsync("过大");
        await Assertions.Expect(sameItem).ToHaveAttributeAsync("data-status", "inProgress");

        byte[] pdf = [.. "%PDF-1.4\n% 文水县公开材料\n"u8.ToArray()];
        await sameItem.GetByLabel("佐证材料文件").SetInputFilesAsync(new FilePayload { Name = "公开材料.pdf", MimeType = "application/pdf", Buffer = pdf });
        await sameItem.GetByLabel("佐证材料链接").FillAsync("https://www.wenshui.gov.cn/zwgk/1");
        await sameItem.GetByLabel("反馈说明").FillAsync("已全部公开");
        await sameItem.GetByRole(AriaRole.Button, new() { Name = "反馈" }).ClickAsync();
        await Assertions.Expect(sameItem).ToHaveAttributeAsync("data-status", "reported");

        var row = (await http.GetFromJsonAsync<JsonElement>("/api/bodies/141121/progress?year=2022")).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("itemId").GetString() == itemId);
        var evidence = row.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(2, evidence.Count);
        Assert.Contains("https://www.wenshui.gov.cn/zwgk/1", evidence);
        Assert.Equal(pdf, await http.GetByteArrayAsync($"/api/evidence/{evidence.Single(e => e.StartsWith("ev", StringComparison.Ordinal))}"));
    }

    [ChromiumFact]
    public async Task A_reviewer_returns_a_childs_report_with_a_reason_urges_a_county_and_a_non_parents_review_is_refused()
    {
        await CreateAccountAsync("ws-lvliang-reviewer", "lvliang-password-1", "1411", "reviewer");
        await CreateAccountAsync("ws-taiyuan-reviewer", "taiyuan-password-1", "1401", "reviewer");
        using var http = server.CreateClient();
        var itemId = await PendingItemAsync(http, "141122"); // an item of its progress table (a plan's first entry may be a chapter)
        await PostProgressAsync(http, "141122", $$"""{"year":2022,"itemId":"{{itemId}}","step":"acknowledged"}""");
        await PostProgressAsync(http, "141122", $$"""{"year":2022,"itemId":"{{itemId}}","step":"reported","note":"已公开","evidence":["https://www.jiaocheng.gov.cn/1"]}""");

        await using var browser = await LaunchChromiumAsync();
        var page = await SignedInAsync(browser, "ws-lvliang-reviewer", "lvliang-password-1");
        var report = page.Locator($".review-queue li[data-body-id='141122'][data-item-id='{itemId}']");
        await Assertions.Expect(report.GetByRole(AriaRole.Link, new() { Name = "佐证材料 1" })).ToHaveAttributeAsync("href", "https://www.jiaocheng.gov.cn/1");
        await report.GetByRole(AriaRole.Button, new() { Name = "退回" }).ClickAsync();
        await Assertions.Expect(report.Locator("[role=alert]")).ToHaveTextAsync("退回须填写理由");
        await report.GetByLabel("退回理由").FillAsync("缺少公开网址截图");
        await report.GetByRole(AriaRole.Button, new() { Name = "退回" }).ClickAsync();
        await Assertions.Expect(page.Locator(".workspace > [role=status]")).ToContainTextAsync("已退回");
        await Assertions.Expect(report).ToHaveCountAsync(0);
        var childInbox = await http.GetFromJsonAsync<JsonElement>("/api/bodies/141122/inbox?year=2022");
        Assert.Contains(childInbox.GetProperty("returns").EnumerateArray(), r => r.GetProperty("reason").GetString() == "缺少公开网址截图");

        await page.Locator(".urge-form").GetByLabel("兴县").CheckAsync();
        await page.Locator(".urge-form").GetByLabel("催办内容").FillAsync("请于本周内完成反馈");
        await page.GetByRole(AriaRole.Button, new() { Name = "催办", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".workspace > [role=status]")).ToContainTextAsync("已催办 1 个机构");
        var urged = await http.GetFromJsonAsync<JsonElement>("/api/bodies/141123/inbox?year=2022");
        Assert.Equal("请于本周内完成反馈", urged.GetProperty("urges")[0].GetProperty("message").GetString());

        // A reviewer of 太原市 is no parent of 交城县: the server refuses the review its page tries (with the page's own antiforgery token).
        var sibling = await SignedInAsync(browser, "ws-taiyuan-reviewer", "taiyuan-password-1");
        var refused = await sibling.EvaluateAsync<JsonElement>($$"""
            async () => {
              const token = (await (await fetch("/api/auth/antiforgery")).json()).token;
              const r = await fetch("/api/bodies/141122/progress", { method: "POST", headers: { "Content-Type": "application/json", "X-CSRF-TOKEN": token },
                body: JSON.stringify({ year: 2022, itemId: "{{itemId}}", step: "accepted" }) });
              return { status: r.status, detail: (await r.json()).detail };
            }
            """);
        Assert.Equal(403, refused.GetProperty("status").GetInt32());
        Assert.Contains("无权复核", refused.GetProperty("detail").GetString());
    }

    [ChromiumFact]
    public async Task Pushes_from_a_child_and_a_township_leave_an_open_explanation_and_a_half_filled_draft_alone()
    {
        await CreateAccountAsync("ws-lvliang-all", "lvliang-password-2", "1411", "editor", "reviewer", "reporter");
        using var http = server.CreateClient();
        var township = (await http.GetFromJsonAsync<JsonElement>("/api/bodies/141181?take=1")).GetProperty("children")[0].GetProperty("id").GetString()!;
        var childItem = await PendingItemAsync(http, "141181");
        var townshipItem = await PendingItemAsync(http, township);
        await WaitSettledAsync(http, Settle);

        await using var browser = await LaunchChromiumAsync();
        var page = await SignedInAsync(browser, "ws-lvliang-all", "lvliang-password-2");
        var acknowledged = page.Locator("#panel .overview button.figure[data-figure='itemsAcknowledged'] strong");
        var before = int.Parse(await acknowledged.TextContentAsync() ?? "0", CultureInfo.InvariantCulture);
        await page.Locator("#panel .overview button.figure[data-figure='itemsAcknowledged']").ClickAsync();
        await Assertions.Expect(page.Locator("#panel .overview .explain h4")).ToContainTextAsync("是怎样算出的");
        await page.Locator(".workspace").GetByRole(AriaRole.Button, new() { Name = "打开草稿（调整时限、责任单位、不予执行、新增事项）" }).ClickAsync();
        var units = page.Locator(".draft-table input.units-input").First;
        await units.FillAsync("吕梁市半填");
        await units.FocusAsync();

        await PostProgressAsync(http, "141181", $$"""{"year":2022,"itemId":"{{childItem}}","step":"acknowledged"}""");
        await PostProgressAsync(http, township, $$"""{"year":2022,"itemId":"{{townshipItem}}","step":"acknowledged"}""");
        await WaitSettledAsync(http, Settle);

        // Both pushes arrived (the figure moved in place) and nothing the user opened or typed was lost.
        await Assertions.Expect(acknowledged).ToHaveTextAsync((before + 2).ToString(CultureInfo.InvariantCulture), new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#panel .overview .explain h4")).ToContainTextAsync("是怎样算出的");
        await Assertions.Expect(units).ToHaveValueAsync("吕梁市半填");
        await Assertions.Expect(units).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#panel")).ToHaveAttributeAsync("data-loads", "1");
    }

    private static async Task<string> PendingItemAsync(HttpClient http, string bodyId) =>
        (await http.GetFromJsonAsync<JsonElement>($"/api/bodies/{bodyId}/progress?year=2022")).GetProperty("items").EnumerateArray()
            .First(i => i.GetProperty("status").GetString() == "pending").GetProperty("itemId").GetString()!;
}
