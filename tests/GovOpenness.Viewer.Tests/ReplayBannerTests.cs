using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace GovOpenness.Viewer.Tests;

/// <summary>The replay banner in a real browser against the real server in replay mode.</summary>
public sealed partial class ReplayBannerTests
{
    // 吕梁市 and its 13 counties; a day per 50 ms of real time, so the run ends within seconds.
    private const string Scenario = """
        name: 横幅测试
        seed: 1
        start: 2022-05-20
        scope: { root: "1411", depth: county }
        rootPlan:
          items:
            - { id: "A", heading: 行政许可事项清单编制公布, deadline: 2022-11-30 }
        levels:
          county:
            issueDelay: { kind: uniform, min: 10, max: 60 }
            deadlineRule: { kind: monthsEarlier, months: 1 }
            completion: { kind: uniform, min: 20, max: 80 }
        """;

    [ChromiumFact]
    public async Task The_banner_shows_the_virtual_date_as_documents_write_it_and_follows_the_run_to_its_end()
    {
        var folder = Path.Combine(Path.GetTempPath(), "govopenness-replay-banner-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "scenario.yaml");
        await File.WriteAllTextAsync(file, Scenario);
        await using var factory = new ReplayFactory(file, Path.Combine(folder, "data"));
        factory.UseKestrel(ViewerServer.FreePort());
        factory.StartServer();

        await using var browser = await ViewerPages.LaunchChromiumAsync();
        var page = await browser.NewPageAsync();
        await ViewerPages.OpenSignedInAsync(page, factory.ClientOptions.BaseAddress.ToString());

        var banner = page.Locator("#replay");
        await Assertions.Expect(banner).ToBeVisibleAsync();
        await Assertions.Expect(banner).ToContainTextAsync("模拟回放：横幅测试");
        await Assertions.Expect(banner).ToHaveTextAsync(DocumentDate());
        await Assertions.Expect(banner).ToContainTextAsync("每秒20天");

        // Polled, not reloaded: the banner follows the run to its end (events all done, every body issued).
        await Assertions.Expect(banner).ToContainTextAsync("回放完成 100%", new() { Timeout = 90_000 });
        await Assertions.Expect(banner).ToContainTextAsync("已印发 14/14 个机构");
        await Assertions.Expect(banner).Not.ToContainTextAsync("调用失败");
    }

    [ChromiumFact]
    public async Task Without_a_replay_there_is_no_banner()
    {
        var server = new ViewerServer();
        await server.InitializeAsync();
        try
        {
            await using var browser = await ViewerPages.LaunchChromiumAsync();
            var page = await browser.NewPageAsync();
            var replayAnswered = page.WaitForResponseAsync(r => r.Url.EndsWith("/api/replay", StringComparison.Ordinal));
            await ViewerPages.OpenSignedInAsync(page, server.BaseAddress.ToString());

            Assert.Equal(404, (await replayAnswered).Status);
            await Assertions.Expect(page.Locator("#replay")).ToBeHiddenAsync();
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    // "虚拟日期 2022年7月5日": the year, then the month and day without leading zeros.
    [GeneratedRegex(@"虚拟日期 20\d\d年[1-9]\d?月[1-9]\d?日")]
    private static partial Regex DocumentDate();

    private sealed class ReplayFactory(string scenario, string dataDirectory) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("GovOpenness:SiloPort", ViewerServer.FreePort().ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("GovOpenness:GatewayPort", ViewerServer.FreePort().ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("GovOpenness:Replay:Scenario", scenario);
            builder.UseSetting("GovOpenness:Replay:Speed", (86_400 * 20).ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("GovOpenness:Replay:DataDirectory", dataDirectory);
            builder.UseSetting(global::GovOpenness.Server.Tests.TestAccounts.BootstrapKey, global::GovOpenness.Server.Tests.TestAccounts.AdminPassword);
        }
    }
}
