using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static GovOpenness.Viewer.Tests.ViewerPages;

namespace GovOpenness.Viewer.Tests;

/// <summary>
/// What reaches an open workspace without a reload, in Debian's Chromium: a county reviewer's 催办 and
/// 退回 appear in the township's open 待办 (pushed over SignalR, waited for on the page's DOM), and the
/// urge is in the record; and 孝义市's editor imports its real plan as a Word file, corrects one pair the
/// aligner proposed, and saves the import as its draft.
/// </summary>
public sealed class WorkspaceLiveViewerTests(ViewerServer server) : IClassFixture<ViewerServer>
{
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

    /// <summary>The hub sent the body's current summary: the page's subscription (and so its inbox notices) is in place.</summary>
    private static Task SubscribedAsync(IPage page, string name) =>
        Assertions.Expect(page.GetByTestId("live-body")).ToHaveTextAsync($"{name} 2022 年", new() { Timeout = 30_000 });

    [ChromiumFact]
    public async Task A_county_reviewers_urge_and_return_reach_the_townships_open_inbox_without_a_reload()
    {
        using var http = server.CreateClient();
        var township = (await http.GetFromJsonAsync<JsonElement>("/api/bodies/141181?take=1")).GetProperty("children")[0];
        var (townshipId, townshipName) = (township.GetProperty("id").GetString()!, township.GetProperty("name").GetString()!);
        await CreateAccountAsync("live-xiaoyi-reviewer", "xiaoyi-password-1", "141181", "reviewer");
        await CreateAccountAsync("live-township", "township-password-1", townshipId, "reporter");

        await using var browser = await LaunchChromiumAsync();
        var townshipPage = await SignedInAsync(browser, "live-township", "township-password-1");
        await SubscribedAsync(townshipPage, townshipName);
        var inbox = townshipPage.Locator("#panel .inbox");
        await Assertions.Expect(inbox.Locator(".urges")).ToHaveCountAsync(0);

        var reviewer = await SignedInAsync(browser, "live-xiaoyi-reviewer", "xiaoyi-password-1");
        var message = "请本周内完成" + Guid.NewGuid().ToString("N")[..6] + "事项的反馈";
        await reviewer.Locator(".urge-form").GetByLabel(townshipName, new() { Exact = true }).CheckAsync();
        await reviewer.Locator(".urge-form").GetByLabel("催办内容").FillAsync(message);
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "催办", Exact = true }).ClickAsync();
        await Assertions.Expect(reviewer.Locator(".workspace > [role=status]")).ToContainTextAsync("已催办 1 个机构");

        // The township's page, untouched since it loaded, shows the urge and counts it in the header.
        await Assertions.Expect(inbox.Locator(".urges li")).ToContainTextAsync($"141181（live-xiaoyi-reviewer）：{message}", new() { Timeout = 30_000 });
        await Assertions.Expect(townshipPage.GetByTestId("inbox-count")).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex("催办 1$"));
        await Assertions.Expect(townshipPage.Locator("#panel")).ToHaveAttributeAsync("data-loads", "1");

        var record = await http.GetFromJsonAsync<JsonElement>("/api/bodies/141181/history?kind=urge");
        Assert.Contains(record.EnumerateArray(), r => r.GetProperty("account").GetString() == "live-xiaoyi-reviewer"
            && r.GetProperty("summary").GetString()!.Contains(townshipId, StringComparison.Ordinal)
            && r.GetProperty("summary").GetString()!.Contains(message, StringComparison.Ordinal));

        // 退回: the township reports an item, its county returns it (both over HTTP); the open page shows the return.
        var itemId = (await http.GetFromJsonAsync<JsonElement>($"/api/bodies/{townshipId}/progress?year=2022")).GetProperty("items").EnumerateArray()
            .First(i => i.GetProperty("status").GetString() == "pending").GetProperty("itemId").GetString()!;
        await PostProgressAsync(http, townshipId, $$"""{"year":2022,"itemId":"{{itemId}}","step":"acknowledged"}""");
        await PostProgressAsync(http, townshipId, $$"""{"year":2022,"itemId":"{{itemId}}","step":"reported","note":"已公开","evidence":["https://www.xiaoyi.gov.cn/1"]}""");
        await PostProgressAsync(http, townshipId, $$"""{"year":2022,"itemId":"{{itemId}}","step":"returned","note":"缺少公开网址截图"}""");
        await Assertions.Expect(inbox.Locator($".returns li[data-item-id='{itemId}']")).ToContainTextAsync("退回理由：缺少公开网址截图", new() { Timeout = 30_000 });
        await Assertions.Expect(townshipPage.Locator("#panel")).ToHaveAttributeAsync("data-loads", "1");
    }
    [ChromiumFact]
    public async Task An_editor_imports_its_word_document_repairs_one_pair_and_saves_it_as_the_draft()
    {
        await CreateAccountAsync("import-xiaoyi-editor", "xiaoyi-password-2", "141181", "editor");
        await using var browser = await LaunchChromiumAsync();
        var page = await SignedInAsync(browser, "import-xiaoyi-editor", "xiaoyi-password-2");
        var importer = page.Locator(".workspace .import-pairs");
        await importer.GetByLabel("本级文件（.docx 或 .txt）").SetInputFilesAsync(new FilePayload
        {
            Name = "孝义市2022年政务公开工作要点.docx",
            MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Buffer = global::GovOpenness.Server.Tests.SampleDocx.Of("002"),
        });
        await importer.GetByRole(AriaRole.Button, new() { Name = "比对" }).ClickAsync();
        await Assertions.Expect(importer.Locator("[role=status]")).ToContainTextAsync("上级事项覆盖", new() { Timeout = 30_000 });

        // One pair the aligner made, re-paired to a parent task no pair holds.
        var row = importer.Locator(".pairs-table tbody tr:not([data-parent-id=''])").First;
        var itemId = (await row.GetAttributeAsync("data-item-id"))!;
        var heading = (await row.Locator("td").First.TextContentAsync())!.Trim()[(itemId.Length + 1)..];
        var target = await importer.EvaluateAsync<string>(
            "root => { const held = new Set([...root.querySelectorAll('.pairs-table tbody tr')].map(r => r.dataset.parentId));"
            + " return [...root.querySelector('.pair-parent').options].map(o => o.value).find(v => v !== '' && !held.has(v)); }");
        await importer.GetByLabel($"对应上级事项（本级 {itemId}）").SelectOptionAsync(target);
        var corrected = importer.Locator($".pairs-table tbody tr[data-item-id='{itemId}']");
        await Assertions.Expect(corrected).ToHaveAttributeAsync("data-parent-id", target, new() { Timeout = 30_000 });
        await Assertions.Expect(corrected.Locator(".pair-change")).ToContainTextAsync("已更正");
        await Assertions.Expect(importer.Locator("[role=status]")).ToContainTextAsync("已人工更正 1 项");

        await importer.GetByRole(AriaRole.Button, new() { Name = "保存为草稿" }).ClickAsync();
        // Saving aligns the document again and stores the draft: on a loaded machine that takes more than Playwright's 5 s default.
        await Assertions.Expect(importer.Locator("[role=status], [role=alert]").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("已保存草稿第|保存草稿失败") }))
            .ToContainTextAsync("已保存草稿第", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator(".workspace .draft .draft-table")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        // The saved draft carries the corrected pair: the parent task chosen takes the document's wording.
        using var http = server.CreateClient();
        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/bodies/141181/plans/2022/draft");
        read.Headers.Add(global::GovOpenness.Server.Tests.ActingHandler.ActAsHeader, "141181");
        using var response = await http.SendAsync(read);
        var draft = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(draft.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("change")), c =>
            c.GetProperty("itemId").GetString() == target && c.TryGetProperty("heading", out var h) && h.GetString() == heading);
    }
}
