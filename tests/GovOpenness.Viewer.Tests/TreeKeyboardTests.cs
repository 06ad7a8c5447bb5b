using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using static GovOpenness.Viewer.Tests.ViewerPages;

namespace GovOpenness.Viewer.Tests;

/// <summary>The tree with the keyboard alone: one Tab stop, arrows, Home/End, Right/Left to open and close, Enter to select.</summary>
public sealed class TreeKeyboardTests(ViewerServer server) : IClassFixture<ViewerServer>
{
    [ChromiumFact]
    public async Task Arrows_home_end_and_enter_walk_the_tree_from_its_one_tab_stop()
    {
        using (var http = server.CreateClient())
        {
            var created = await http.PostAsJsonAsync("/api/accounts", new { account = "kb-shanxi", password = "shanxi-password-1", bodyId = "14", roles = new[] { "reporter" } });
            Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await created.Content.ReadAsStringAsync());
        }

        await using var browser = await LaunchChromiumAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        await OpenSignedInAsync(page, server.BaseAddress.ToString(), "kb-shanxi", "shanxi-password-1");
        var label = (string id) => Node(page, id).Locator(":scope > .row > .label");
        await Assertions.Expect(label("1401")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        // One Tab stop: only the current node's label is in the tab order.
        await Assertions.Expect(page.Locator("#tree button[tabindex='0']")).ToHaveCountAsync(1);
        await label("14").FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(label("1401")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#tree button[tabindex='0']")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Home");
        await Assertions.Expect(label("14")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("End");
        await Assertions.Expect(page.Locator("#tree .label, #tree .more").Last).ToBeFocusedAsync();

        await label("1401").FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(Node(page, "1401").Locator(":scope > .row > .toggle")).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(Node(page, "1401")).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(Node(page, "1401").Locator(":scope > ul > li[data-body-id]").First).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(Node(page, "1401").Locator(":scope > ul > li[data-body-id] > .row > .label").First).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowLeft");
        await Assertions.Expect(label("1401")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowLeft");
        await Assertions.Expect(Node(page, "1401").Locator(":scope > .row > .toggle")).ToHaveAttributeAsync("aria-expanded", "false");

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#panel h2")).ToContainTextAsync("太原市");
        await Assertions.Expect(page.Locator("#tree li[data-body-id='1401']")).ToHaveAttributeAsync("aria-selected", "true");
    }
}
