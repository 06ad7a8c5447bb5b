using Microsoft.Playwright;
using static GovOpenness.Viewer.Tests.ViewerPages;

namespace GovOpenness.Viewer.Tests;

/// <summary>The viewer in a real browser against the real server seeded with the sample cascade.</summary>
public sealed class CascadeViewerTests(ViewerServer server) : IClassFixture<ViewerServer>
{
    [ChromiumFact]
    public async Task Expanding_to_xiaoyi_shows_its_deadline_moved_from_november_to_july()
    {
        await using var browser = await LaunchChromiumAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        await ViewerPages.OpenSignedInAsync(page, server.BaseAddress.ToString());

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("政务公开工作要点 · 层级视图");
        await ExpandAsync(page, "14", "山西省");
        await ExpandAsync(page, "1411", "吕梁市");
        await ExpandAsync(page, "141181", "孝义市");
        var xiaoyi = Node(page, "141181").Locator(":scope > .row > .label");
        await Assertions.Expect(xiaoyi.Locator(".code")).ToHaveTextAsync("141181");
        await xiaoyi.ClickAsync();
        await Assertions.Expect(xiaoyi).ToHaveAttributeAsync("aria-pressed", "true");

        var panel = page.Locator("#panel");
        await Assertions.Expect(panel.Locator("h2")).ToContainTextAsync("孝义市");
        var moves = panel.Locator(".diff mark.move");
        await Assertions.Expect(moves.Filter(new() { HasText = "11月底 → 7月底" })).Not.ToHaveCountAsync(0);
        await Assertions.Expect(panel.Locator(".plan .deadline").Filter(new() { HasText = "（2022-07-31）" }).First).ToBeVisibleAsync();

        await moves.First.ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync(page, "viewer-xiaoyi.png");
    }

    [ChromiumFact]
    public async Task A_body_without_a_plan_for_the_year_says_so_in_chinese()
    {
        await using var browser = await LaunchChromiumAsync();
        var page = await browser.NewPageAsync();
        await ViewerPages.OpenSignedInAsync(page, server.BaseAddress.ToString());
        await ExpandAsync(page, "14", "山西省");
        await page.Locator("#year").SelectOptionAsync("2025");
        await Node(page, "14").Locator(":scope > .row > .label").ClickAsync();

        await Assertions.Expect(page.Locator("#panel .plan")).ToContainTextAsync("该机构本年度尚无工作要点");
    }
}
