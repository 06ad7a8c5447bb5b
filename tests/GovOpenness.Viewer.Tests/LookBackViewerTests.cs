using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static GovOpenness.Viewer.Tests.ViewerPages;

namespace GovOpenness.Viewer.Tests;

/// <summary>
/// 回头看 in the browser: opened from the desk on the signed-in account's body, its figures and rows are
/// the look-back API's for the same body and days; it works from the keyboard alone; and it prints.
/// </summary>
public sealed class LookBackViewerTests : IClassFixture<ViewerServer>
{
    private readonly ViewerServer _server;

    public LookBackViewerTests(ViewerServer server)
    {
        _server = server;
        Assertions.SetDefaultExpectTimeout(30_000);
    }

    private async Task CreateAccountAsync(string account, string password, string bodyId, params string[] roles)
    {
        using var http = _server.CreateClient();
        var response = await http.PostAsJsonAsync("/api/accounts", new { account, password, bodyId, roles });
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"账号未创建：{await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>"2021-07-31" → "2021年7月底前": the rule the page must follow, applied to the API's dates.</summary>
    private static string InFull(string iso)
    {
        var d = DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return d.AddDays(1).Day == 1 ? $"{d.Year}年{d.Month}月底前" : $"{d.Year}年{d.Month}月{d.Day}日前";
    }

    [ChromiumFact]
    public async Task From_the_desk_the_look_back_shows_the_APIs_changes_and_progress_for_the_body()
    {
        await CreateAccountAsync("lookback-lvliang", "lookback-password", "1411", "reviewer");
        using var http = _server.CreateClient();
        var plan = await http.GetFromJsonAsync<JsonElement>("/api/bodies/1411/plans/2022");
        var item = plan.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("item")).First(i => i.GetProperty("depth").GetInt32() > 1).GetProperty("id").GetString()!;
        await PostProgressAsync(http, "1411", $$"""{"year":2022,"itemId":"{{item}}","step":"acknowledged","requestId":"look-back-viewer"}""");
        var api = await http.GetFromJsonAsync<JsonElement>("/api/bodies/1411/look-back?from=2021-12-31");
        var rows = api.GetProperty("rows").EnumerateArray().ToList();

        await using var browser = await LaunchChromiumAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        page.SetDefaultTimeout(60_000);
        await OpenSignedInAsync(page, _server.BaseAddress.ToString(), "lookback-lvliang", "lookback-password");
        await Assertions.Expect(page.Locator("#panel h2")).ToContainTextAsync("吕梁市");
        await Assertions.Expect(page.Locator("#panel")).Not.ToHaveAttributeAsync("aria-busy", "true");

        await page.Locator(".downloads a[data-kind='look-back']").ClickAsync();

        var results = page.Locator("#look-back-results");
        await Assertions.Expect(page.Locator("#look-back-page")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("nav.tabs a[href='#look-back']")).ToHaveAttributeAsync("aria-current", "page");
        await Assertions.Expect(results).ToHaveAttributeAsync("data-body-id", "1411");
        await Assertions.Expect(results).ToHaveAttributeAsync("data-from", "2021-12-31");
        await Assertions.Expect(results).ToHaveAttributeAsync("aria-busy", "false");
        await Assertions.Expect(results.Locator("tr.look-back-row")).ToHaveCountAsync(rows.Count);
        int N(string name) => api.GetProperty(name).GetInt32();
        await Assertions.Expect(results.Locator(".look-back-counts")).ToContainTextAsync(
            $"保留 {N("carried")} 项，新增 {N("added")} 项，删除 {N("dropped")} 项；时限变动 {N("deadlineMoved")} 项，责任单位变动 {N("unitsChanged")} 项。");
        // 回头看's first question: the earlier day's items not closed then, and how many the later plan carries on.
        var open = rows.Where(r => r.TryGetProperty("then", out var t) && t.GetProperty("status").GetString() != "closed")
            .GroupBy(r => r.GetProperty("then").GetProperty("itemId").GetString())
            .Select(g => g.Any(r => r.GetProperty("kind").GetString() == "carried")).ToList();
        Assert.NotEmpty(open);
        var neverClosed = results.Locator("[data-testid='look-back-never-closed']");
        await Assertions.Expect(neverClosed).ToHaveAttributeAsync("data-count", open.Count.ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(neverClosed).ToContainTextAsync($"当时未办结 {open.Count} 项，其中 {open.Count(c => c)} 项延续到现在的工作要点");
        foreach (var (figure, side, json) in new[] { ("items", "then", "from"), ("items", "now", "to"), ("overdue", "then", "from"), ("overdue", "now", "to"), ("pending", "now", "to") })
        {
            await Assertions.Expect(results.Locator($".look-back-totals tr[data-figure='{figure}'] td[data-side='{side}']"))
                .ToHaveTextAsync(api.GetProperty(json).GetProperty(figure).GetInt32().ToString(CultureInfo.InvariantCulture));
        }

        // Deadlines as the documents write them, with their year: the 2021 side says 2021年…, the 2022 side 2022年….
        var carried = rows.First(r => r.GetProperty("kind").GetString() == "carried" && Dated(r, "then") is not null && Dated(r, "now") is not null);
        var carriedRow = results.Locator($"tr.look-back-row[data-now-id='{carried.GetProperty("now").GetProperty("itemId").GetString()}']").First;
        await Assertions.Expect(carriedRow.Locator("td.deadline")).ToContainTextAsync($"{InFull(Dated(carried, "then")!)} → {InFull(Dated(carried, "now")!)}");
        await Assertions.Expect(results.Locator("tr.look-back-row[data-kind='dropped']").Filter(new() { HasText = "疫情" }).First).ToBeVisibleAsync();
        // The step taken today shows on the now side only.
        await Assertions.Expect(results.Locator($"tr.look-back-row[data-now-id='{item}'] td.progress .now")).ToContainTextAsync("已签收");

        await page.Locator("#look-back-show").SelectOptionAsync("dropped");
        await Assertions.Expect(results.Locator("tr.look-back-row")).ToHaveCountAsync(N("dropped"));
        await Assertions.Expect(results.Locator("tr.look-back-row:not([data-kind='dropped'])")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "viewer-look-back.png");
    }

    [ChromiumFact]
    public async Task The_look_back_works_from_the_keyboard_and_prints_on_A4_without_its_form()
    {
        await using var browser = await LaunchChromiumAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 703, Height = 900 } });
        page.SetDefaultTimeout(60_000);
        await OpenSignedInAsync(page, _server.BaseAddress.ToString());
        await Assertions.Expect(Node(page, "cn")).ToBeVisibleAsync();

        await page.Locator("nav.tabs a[href='#look-back']").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var search = page.GetByLabel("机构", new() { Exact = true });
        await Assertions.Expect(search).ToBeVisibleAsync();
        await search.FocusAsync();
        await page.Keyboard.TypeAsync("141181");
        await Assertions.Expect(page.Locator("#look-back-search-results .search-hit[data-body-id='141181']")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#look-back-body")).ToHaveTextAsync("已选：孝义市（141181）");
        var from = page.GetByLabel("起始日期（当时）");
        await Assertions.Expect(from).ToBeFocusedAsync();
        await from.FillAsync("2022-06-30");
        await page.Keyboard.PressAsync("Enter"); // submits the form

        var results = page.Locator("#look-back-results");
        await Assertions.Expect(results).ToHaveAttributeAsync("data-body-id", "141181");
        await Assertions.Expect(results).ToHaveAttributeAsync("data-from", "2022-06-30");
        await Assertions.Expect(results).ToHaveAttributeAsync("aria-busy", "false");
        await Assertions.Expect(results.Locator("h3")).ToContainTextAsync("孝义市：2022年6月30日 →");
        await Assertions.Expect(results.Locator("tr.look-back-row").First).ToBeVisibleAsync();

        // A day after the end is refused in Chinese, as an alert.
        await page.GetByLabel("截止日期（现在）").FillAsync("2022-01-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "对比" }).ClickAsync();
        await Assertions.Expect(results.Locator("[role=alert]")).ToContainTextAsync("应早于截止日期");
        await page.GetByLabel("截止日期（现在）").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "对比" }).ClickAsync();
        await Assertions.Expect(results.Locator("tr.look-back-row").First).ToBeVisibleAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".look-back-form")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("nav.tabs")).ToBeHiddenAsync();
        Assert.Equal("table-header-group", await results.Locator("table.look-back-items thead").EvaluateAsync<string>("e => getComputedStyle(e).display"));
        var overflow = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('#look-back-results table, #look-back-results td, #look-back-results th')]
              .filter(e => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > document.querySelector('#look-back-page').getBoundingClientRect().right + 1)
              .map(e => `${e.tagName}.${e.className} ${e.scrollWidth}>${e.clientWidth}: ${e.textContent.slice(0, 30)}`)
            """);
        Assert.True(overflow.Length == 0, "打印时超出页面宽度：" + string.Join("；", overflow));
        var pdf = System.Text.Encoding.Latin1.GetString(await page.PdfAsync(new() { PreferCSSPageSize = true }));
        var box = System.Text.RegularExpressions.Regex.Match(pdf, @"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]");
        Assert.True(box.Success, "PDF 中没有页面尺寸（MediaBox）");
        Assert.InRange(double.Parse(box.Groups[1].Value, CultureInfo.InvariantCulture), 592, 598); // A4 portrait: 595.3 × 841.9 pt
        Assert.InRange(double.Parse(box.Groups[2].Value, CultureInfo.InvariantCulture), 839, 845);
    }

    /// <summary>The date of the side's deadline when the item has exactly one, dated; null otherwise.</summary>
    private static string? Dated(JsonElement row, string side) =>
        row.TryGetProperty(side, out var item) && item.GetProperty("deadlines").EnumerateArray().ToList() is [var only] && only.TryGetProperty("date", out var date) && date.ValueKind == JsonValueKind.String
            ? date.GetString()
            : null;
}
