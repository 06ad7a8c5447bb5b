using System.Net;
using System.Text.Json;
using GovOpenness.Abstractions;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Progress;
using GovOpenness.Domain.Simulation;
using GovOpenness.Domain.Simulation.Replay;
using GovOpenness.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace GovOpenness.Server.Tests.Replay;

/// <summary>
/// The two engines agree: a replay of a small scenario through the real server and grains leaves in
/// the grains the dates the in-process engine computes (receipts = the parent's issue dates,
/// effective deadlines, completions), and GET /api/replay reports it over real HTTP.
/// </summary>
public sealed class ReplayAgreementTests
{
    [Fact]
    public async Task A_replay_leaves_in_the_grains_the_dates_the_fast_engine_computes()
    {
        var folder = TempFolder.Create("govopenness-replay");
        var file = ReplayScenarios.Write(ReplayScenarios.Lvliang, folder);
        await using var factory = new ReplayServerFactory(new Dictionary<string, string>
        {
            ["Scenario"] = file,
            ["Speed"] = (86_400 * 200).ToString(System.Globalization.CultureInfo.InvariantCulture), // 200 virtual days per second
            ["DataDirectory"] = Path.Combine(folder, "data"),
        });
        var client = factory.CreateClient();

        var status = await WaitUntilFinishedAsync(factory.Services, client, TimeSpan.FromMinutes(3));
        await AssertAgreesWithEngineAsync(factory.Services, file, status);
        TempFolder.Delete(folder);
    }

    [Fact]
    public async Task A_replay_stopped_part_way_goes_on_after_a_restart_and_ends_as_the_fast_engine_computes()
    {
        var folder = TempFolder.Create("govopenness-replay");
        var file = ReplayScenarios.Write(ReplayScenarios.Lvliang, folder);
        Dictionary<string, string> Settings(double virtualDaysPerSecond) => new()
        {
            ["Scenario"] = file,
            ["Speed"] = (86_400 * virtualDaysPerSecond).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DataDirectory"] = Path.Combine(folder, "data"),
        };
        var total = ReplaySchedule.From(SimulationEngine.Run(ScenarioReader.ReadFile(file))).Batches.Count;

        // The first server runs slowly (two virtual days a second, months of scenario) and stops once a
        // few batches are done, with the next one possibly in flight.
        await using (var first = new ReplayServerFactory(Settings(2)))
        {
            first.CreateClient();
            await first.Services.GetRequiredService<ReplayDriver>().BatchesDoneAsync(3).WaitAsync(TimeSpan.FromMinutes(2));
        }

        var checkpoint = ReplayCheckpoint.Read(Path.Combine(folder, "data"), ReplayCheckpoint.FingerprintOf(file)).Checkpoint;
        Assert.NotNull(checkpoint);
        Assert.InRange(checkpoint!.BatchesDone, 3, total - 1);

        // The second goes on from there, fast, to the end: nothing done twice, nothing missed.
        await using var second = new ReplayServerFactory(Settings(200));
        var client = second.CreateClient();
        var driver = second.Services.GetRequiredService<ReplayDriver>();
        Assert.Equal(checkpoint.BatchesDone, driver.ResumedAfter);
        var status = await WaitUntilFinishedAsync(second.Services, client, TimeSpan.FromMinutes(3));
        await AssertAgreesWithEngineAsync(second.Services, file, status);
        TempFolder.Delete(folder);
    }

    /// <summary>The replay finished without failures and left in the grains what the fast engine computes.</summary>
    private static async Task AssertAgreesWithEngineAsync(IServiceProvider services, string file, JsonElement status)
    {
        var run = SimulationEngine.Run(ScenarioReader.ReadFile(file));
        Assert.Equal("finished", status.GetProperty("state").GetString());
        Assert.Equal(0, status.GetProperty("failures").GetInt32());
        Assert.Equal(run.Hierarchy.Count, status.GetProperty("bodiesIssued").GetInt32());
        Assert.Equal(status.GetProperty("eventsTotal").GetInt32(), status.GetProperty("eventsDone").GetInt32());
        Assert.Equal("2022-05-20", status.GetProperty("start").GetString());

        var grains = services.GetRequiredService<IGrainFactory>();
        var year = run.Scenario.Start.Year;
        var tightened = 0;
        for (var body = 0; body < run.Hierarchy.Count; body++)
        {
            var id = run.Hierarchy.IdOf(body);
            var plan = (await grains.GetGrain<IBodyGrain>(id).GetPlanAsync(year)).Value;
            Assert.NotNull(plan);
            var progress = await grains.GetGrain<IBodyProgressReaderGrain>(IProgressGrain.Key(id, year)).GetOwnProgressAsync();
            for (var k = 0; k < run.ItemCount; k++)
            {
                var itemId = run.Scenario.Items[k].Id;
                var item = plan.Items.Single(i => i.Item.Id == itemId).Item;
                Assert.Equal(run.DeadlineOf(body, k), Assert.Single(item.Deadlines).Date);
                tightened += run.Hierarchy.Parents[body] >= 0 && run.DeadlineOf(body, k) < run.DeadlineOf(run.Hierarchy.Parents[body], k) ? 1 : 0;

                // Acknowledged the day the parent issued (the engine's receipt), reported on the engine's completion day.
                var steps = progress.ProgressOf(itemId);
                Assert.Equal(run.ReceiptOf(body), steps.AcknowledgedOn);
                Assert.Equal(run.Days.DateOf(run.Completions[(body * run.ItemCount) + k]), steps.ReportedOn);
            }

            var parent = run.Hierarchy.Parents[body];
            if (parent >= 0)
            {
                Assert.Equal(run.IssueOf(parent), progress.ProgressOf(run.Scenario.Items[0].Id).AcknowledgedOn);
            }
        }

        Assert.True(tightened > run.Hierarchy.Count, $"the rules should tighten most deadlines, got {tightened}");
        await AssertMilestonesAgreeAsync(services, run);
    }

    [Fact]
    public async Task Without_a_replay_the_status_is_a_404_problem()
    {
        var folder = TempFolder.Create("govopenness-replay");
        await using var factory = new ServerFactory(folder, seed: false);
        var response = await factory.CreateClient().GetAsync("/api/replay");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("GovOpenness:Replay:Scenario", (await Json.ReadAsync(response)).GetProperty("detail").GetString());
        TempFolder.Delete(folder);
    }

    /// <summary>
    /// Each body's own issue (the published and, below the root, localized milestone) is the engine's
    /// issue date, and the root's subtree summary counts every body as the engine does.
    /// </summary>
    private static async Task AssertMilestonesAgreeAsync(IServiceProvider services, SimulationRun run)
    {
        var grains = services.GetRequiredService<IGrainFactory>();
        var settle = services.GetRequiredService<SettleTracker>();
        // Only the relay: after the replay, virtual time runs on and lights keep turning.
        await settle.WaitIdleAsync(GovOpenness.Abstractions.Diagnostics.PendingWork.MilestoneNote).WaitAsync(TimeSpan.FromMinutes(1));

        var year = run.Scenario.Start.Year;
        var ids = Enumerable.Range(0, run.Hierarchy.Count).Select(run.Hierarchy.IdOf).ToList();
        for (var body = 0; body < run.Hierarchy.Count; body++)
        {
            var progress = grains.GetGrain<IProgressGrain>(IProgressGrain.Key(ids[body], year));
            var milestones = (await grains.GetGrain<IBodyProgressReaderGrain>(IProgressGrain.Key(ids[body], year)).GetOwnProgressAsync()).Milestones;
            var root = run.Hierarchy.Parents[body] < 0;
            Assert.Equal(run.IssueOf(body), await progress.GetIssuedOnAsync());
            Assert.Equal(run.IssueOf(body), milestones.PublishedOn);
            Assert.Equal(root ? null : run.IssueOf(body), milestones.LocalizedOn);

            // The cascade hands every body the plan in force the day the root publishes (adopted as is
            // until its own parent localizes), so the grains' receipt is the root's issue, not the parent's.
            Assert.Equal(root ? null : run.IssueOf(0), milestones.ReceivedOn);
        }

        // Preorder: the root first, every parent before its children, so flushing from the end sends each delta up in order.
        for (var body = run.Hierarchy.Count - 1; body >= 0; body--)
        {
            await grains.GetGrain<IProgressGrain>(IProgressGrain.Key(ids[body], year)).FlushAsync();
        }

        Assert.Equal(-1, run.Hierarchy.Parents[0]);
        var summary = await grains.GetGrain<IProgressGrain>(IProgressGrain.Key(ids[0], year)).GetSummaryAsync();
        Assert.True(summary.Succeeded, summary.Error);
        var counts = JsonSerializer.SerializeToElement(summary.Value!, LocalizationJson.Options).GetProperty("summary").GetProperty("counts");
        var belowRoot = Enumerable.Range(0, run.Hierarchy.Count).Count(b => run.Hierarchy.Parents[b] >= 0);
        Assert.Equal(run.Hierarchy.Count, counts.GetProperty("bodies").GetInt64());
        Assert.Equal(belowRoot, counts.GetProperty("bodiesReceived").GetInt64());
        Assert.Equal(belowRoot, counts.GetProperty("bodiesLocalized").GetInt64());
        Assert.Equal(run.Issues.Length, counts.GetProperty("bodiesPublished").GetInt64()); // the engine issues every body

        // Lateness counts from the day the plan first reached the body (the root's issue, see above), not
        // from the engine's parent issue: the grains' delay sums follow from the engine's issue dates so.
        var rootIssue = run.Issues[0];
        Assert.Equal(0, counts.GetProperty("receiveDelayDaysSum").GetInt64());
        Assert.Equal(
            Enumerable.Range(1, run.Hierarchy.Count - 1).Sum(b => (long)(run.Issues[b] - rootIssue)),
            counts.GetProperty("publishDelayDaysSum").GetInt64());
    }

    /// <summary>Waits for the driver's end signal, then reads the status through the API.</summary>
    private static async Task<JsonElement> WaitUntilFinishedAsync(IServiceProvider services, HttpClient client, TimeSpan limit)
    {
        await services.GetRequiredService<ReplayDriver>().Ended.WaitAsync(limit);
        var response = await client.GetAsync("/api/replay");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Json.ReadAsync(response);
    }
}
