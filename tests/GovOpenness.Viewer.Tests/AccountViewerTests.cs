using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using static GovOpenness.Viewer.Tests.ViewerPages;

namespace GovOpenness.Viewer.Tests;

/// <summary>Signing in and out in the browser, script injection kept inert, and a foreign page that cannot write.</summary>
public sealed class AccountViewerTests(ViewerServer server) : IClassFixture<ViewerServer>
{
    private async Task CreateAccountAsync(string account, string password, string bodyId, params string[] roles)
    {
        using var http = server.CreateClient(); // acts as an administrator of cn
        var response = await http.PostAsJsonAsync("/api/accounts", new { account, password, bodyId, roles });
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"账号未创建：{await response.Content.ReadAsStringAsync()}");
    }

    [ChromiumFact]
    public async Task Signed_out_only_the_sign_in_form_shows_then_the_viewer_opens_on_the_accounts_body_and_sign_out_works()
    {
        await CreateAccountAsync("viewer-lvliang", "lvliang-password", "1411", "reporter");
        await using var browser = await LaunchChromiumAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(server.BaseAddress.ToString());

        // The first paint waits for the script module and GET /api/accounts/me: a deadline, not a guess.
        await Assertions.Expect(page.GetByLabel("账号")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByLabel("密码")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#app")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#tree")).ToBeHiddenAsync();

        await page.GetByLabel("账号").FillAsync("viewer-lvliang");
        await page.GetByLabel("密码").FillAsync("wrong-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.Locator("#signin [role=alert]")).ToHaveTextAsync("账号或密码错误");
        await Assertions.Expect(page.Locator("#app")).ToBeHiddenAsync();

        await OpenSignedInAsync(page, server.BaseAddress.ToString(), "viewer-lvliang", "lvliang-password");
        await Assertions.Expect(Node(page, "1411").Locator(":scope > .row > .label")).ToContainTextAsync("吕梁市");
        await Assertions.Expect(Node(page, "14")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#account")).ToContainTextAsync("viewer-lvliang");

        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("账号")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#app")).ToBeHiddenAsync();
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByLabel("账号")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#app")).ToBeHiddenAsync();
    }

    [ChromiumFact]
    public async Task Script_in_a_department_name_a_heading_and_a_unit_stays_text()
    {
        const string name = "<img src=x onerror=\"window.__xss='name'\">部门";
        const string heading = "<script>window.__xss='heading'</script>标题";
        const string unit = "<img src=x onerror=\"window.__xss='unit'\">";
        using var http = server.CreateClient();
        var registered = await http.PostAsJsonAsync("/api/bodies", new { id = "14.xss", name, parentId = "14" });
        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
        var plan = JsonSerializer.Serialize(new
        {
            year = 2026,
            title = "注入测试",
            items = new[] { new { id = "1", heading, text = heading, deadlines = new[] { new { text = "11月底前", kind = "by", date = "2026-11-30" } }, units = new[] { unit } } },
        });
        var published = await http.PostAsync("/api/bodies/14.xss/plans", new StringContent(plan, Encoding.UTF8, "application/json"));
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());

        await using var browser = await LaunchChromiumAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        await OpenSignedInAsync(page, server.BaseAddress.ToString());
        await page.SelectOptionAsync("#year", "2026");
        await ExpandAsync(page, "14", "山西省");
        var label = Node(page, "14.xss").Locator(":scope > .row > .label");
        await Assertions.Expect(label).ToContainTextAsync(name);
        await label.ClickAsync();
        var panel = page.Locator("#panel");
        await Assertions.Expect(panel.Locator(".plan")).ToContainTextAsync(heading);
        await Assertions.Expect(panel.Locator(".plan")).ToContainTextAsync(unit);

        Assert.Equal("undefined", await page.EvaluateAsync<string>("typeof window.__xss"));
        Assert.Equal(0, await page.Locator("#panel img, #tree img, #panel script").CountAsync());
    }

    [ChromiumFact]
    public async Task A_page_of_another_origin_cannot_write_with_the_signed_in_cookie()
    {
        await CreateAccountAsync("viewer-shanxi", "shanxi-password", "14", "reporter");
        await using var browser = await LaunchChromiumAsync();
        var page = await browser.NewPageAsync();
        await OpenSignedInAsync(page, server.BaseAddress.ToString(), "viewer-shanxi", "shanxi-password");
        var target = new Uri(server.BaseAddress, "/api/bodies/14/progress").ToString();

        // Control: the viewer's own origin writes with the same cookie and the sign-in's antiforgery token
        // (as the viewer's api.ts does); without the token even its own page is refused.
        var withoutToken = await page.EvaluateAsync<int>($$"""
            async () => (await fetch("/api/bodies/14/progress", {method: "POST", headers: {"content-type": "application/json"},
              body: JSON.stringify({year: 2022, itemId: "2.1", step: "acknowledged", requestId: "origin-own"})})).status
            """);
        Assert.Equal(403, withoutToken);
        var own = await page.EvaluateAsync<int>($$"""
            async () => {
              const t = await (await fetch("/api/auth/antiforgery")).json();
              return (await fetch("/api/bodies/14/progress", {method: "POST", headers: {"content-type": "application/json", [t.headerName]: t.token},
                body: JSON.stringify({year: 2022, itemId: "2.1", step: "acknowledged", requestId: "origin-own"})})).status;
            }
            """);
        Assert.Equal(200, own);

        // Another site, in the same browser: a fetch and a form post carrying the cookie if the browser sent it.
        await page.RouteAsync("http://foreign.example/**", route => route.FulfillAsync(new()
        {
            ContentType = "text/html",
            Body = $$"""
                <form id="f" method="POST" action="{{target}}" enctype="text/plain">
                  <input name='{"year":2022,"itemId":"1.1","step":"acknowledged","x":"' value='"}'></form>
                <script>
                  fetch("{{target}}", {method: "POST", mode: "no-cors", credentials: "include", headers: {"content-type": "text/plain"},
                    body: JSON.stringify({year: 2022, itemId: "1.1", step: "acknowledged"})})
                    .finally(() => { document.title = "sent"; });
                </script>
                """,
        }));
        await page.GotoAsync("http://foreign.example/attack");
        await Assertions.Expect(page).ToHaveTitleAsync("sent");
        var formAnswer = page.WaitForResponseAsync(r => r.Url == target);
        await page.EvaluateAsync("document.getElementById('f').submit()");
        Assert.True((await formAnswer).Status is 401 or 403);

        using var http = server.CreateClient();
        var history = await http.GetFromJsonAsync<JsonElement>("/api/bodies/14/history?kind=progress");
        var summaries = history.EnumerateArray().Select(r => r.GetProperty("summary").GetString()!).ToList();
        Assert.Contains(summaries, s => s.Contains(" 2.1：", StringComparison.Ordinal));
        Assert.DoesNotContain(summaries, s => s.Contains(" 1.1：", StringComparison.Ordinal));
    }
}
