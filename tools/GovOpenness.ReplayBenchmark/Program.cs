using System.Diagnostics;
using System.Globalization;
using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Plans;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Plans;
using GovOpenness.Domain.Progress;
using GovOpenness.Domain.Simulation;
using GovOpenness.Domain.Simulation.Replay;
using GovOpenness.Grains.Hosting;
using GovOpenness.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

// Replays a scenario on the real grains (SQLite in a temp folder) with the virtual clock never waiting,
// so the run takes as long as the grain calls do, and compares it with a baseline measured in the
// same run: the same plan cascaded once and the same calls made in flat parallel loops, without the
// schedule's day-by-day order and delivery waits. Both after the same warm-up (see README.md).
var scenarioFile = args.Length > 0 ? args[0] : FindSample("shanxi-2022-townships.yaml");
var calls = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 32;
var schedule = ReplaySchedule.From(SimulationEngine.Run(ScenarioReader.ReadFile(scenarioFile)));
var run = schedule.Run;
var folder = Path.Combine(Path.GetTempPath(), "govopenness-replay-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
var clock = new VirtualClock(VirtualClock.InstantOf(run.Scenario.Start), 1e15, TimeProvider.System);

using var host = Host.CreateDefaultBuilder()
    .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
    .UseOrleans(silo =>
    {
        silo.Services.AddSingleton(new ProgressClock(clock));
        silo.UseLocalhostClustering().AddGovOpennessStorage(new StorageSettings { DataDirectory = folder });
    })
    .Build();
await host.StartAsync();
var grains = host.Services.GetRequiredService<IGrainFactory>();

// The baseline procedure (README.md): the same calls unordered, for a year whose grains hold nothing yet, so
// every call lands on fresh state as in the replay: the root's plan cascaded once, the same 1,484 localizations
// (same policies, the replay's issue days moved to that year) in one flat parallel loop and every issuer's
// delivery waited for, then the same batched progress calls (签收 of every item per body, then each body's
// 反馈 grouped by day as the replay makes them) in flat parallel loops.
var completions = schedule.Batches.Where(b => b.Kind == ReplayStepKind.Complete).SelectMany(b => b.Steps).ToList();
var flat = new ParallelOptions { MaxDegreeOfParallelism = calls };
async Task<Baseline> BaselineAsync(int year)
{
    var failures = 0;
    void Count(string? error)
    {
        if (error is not null)
        {
            Interlocked.Increment(ref failures);
        }
    }

    var shift = year - schedule.Year;
    var watch = Stopwatch.StartNew();
    var root = grains.GetGrain<IBodyGrain>(run.Hierarchy.IdOf(0));
    Count((await root.PublishPlanAsync(new PublishPlanCommand(year, run.Scenario.PlanTitle, null,
        [.. run.Scenario.Items.Select(i => new PlanItemData(i.Id, i.Heading, i.Heading, [new DeadlineData($"{i.Deadline.Month}月{i.Deadline.Day}日前", DeadlineKind.By, i.Deadline.AddYears(shift))], []))]))).Error);
    await root.AsReference<IBodyDiagnosticsGrain>().WaitForDeliveryAsync(year);
    var cascade = watch.Elapsed;
    await Parallel.ForEachAsync(Enumerable.Range(1, run.Hierarchy.Count - 1), flat, async (body, _) =>
    {
        Count((await grains.GetGrain<IBodyGrain>(run.Hierarchy.IdOf(body)).LocalizeAsync(ReplayDriver.LocalizationOf(schedule, body, year, run.IssueOf(body).AddYears(shift)))).Error);
    });
    await Parallel.ForEachAsync(Enumerable.Range(0, run.Hierarchy.Count), flat, async (body, _) =>
        await grains.GetGrain<IBodyDiagnosticsGrain>(run.Hierarchy.IdOf(body)).WaitForDeliveryAsync(year));
    var localized = watch.Elapsed;
    IProgressGrain ProgressOf(int body) => grains.GetGrain<IProgressGrain>(IProgressGrain.Key(run.Hierarchy.IdOf(body), year));
    await Parallel.ForEachAsync(Enumerable.Range(0, run.Hierarchy.Count), flat, async (body, _) =>
        Count((await ProgressOf(body).RecordProgressBatchAsync(
            [.. run.Scenario.Items.Select(i => new ProgressUpdate(year, i.Id, ProgressStep.Acknowledged, RequestId: $"bench-ack-{i.Id}"))], null)).Error));
    await Parallel.ForEachAsync(completions, flat, async (step, _) =>
        Count((await ProgressOf(step.Body).RecordProgressBatchAsync(
            [.. step.Items.Select(k => new ProgressUpdate(year, run.Scenario.Items[k].Id, ProgressStep.Reported, RequestId: $"bench-done-{run.Scenario.Items[k].Id}"))], null)).Error));
    return new Baseline(watch.Elapsed, cascade, localized - cascade, watch.Elapsed - localized, failures);
}

// Warm-up, the same for the replay and the baseline: the baseline procedure once on a spare year (two years on),
// before either is measured, so code is compiled and every body grain is active for both; each measured run
// then lands on its own year's fresh plan and progress state, as before.
var warmUp = await BaselineAsync(schedule.Year + 2);

var watch = Stopwatch.StartNew();
var timings = new ReplayTimings();
var driver = new ReplayDriver(grains, schedule, clock, scenarioFile, calls, NullLogger.Instance, timings: timings);
await driver.RunAsync(CancellationToken.None);
var replay = watch.Elapsed;
var status = driver.Status;

// Baseline: the next year (after the replay, which the baseline never waits for).
var baseline = await BaselineAsync(schedule.Year + 1);

string F(double value) => value.ToString("N1", CultureInfo.InvariantCulture);
var writes = run.Hierarchy.Count * run.ItemCount * 2;
Console.WriteLine($"machine load          {File.ReadAllText("/proc/loadavg").Split(' ')[0]} (1-minute load average, {Environment.ProcessorCount} cores)");
Console.WriteLine($"scenario              {run.Scenario.Name}: {run.Hierarchy.Count:N0} bodies x {run.ItemCount} items, {schedule.Batches.Count:N0} batches, virtual {status.Start:yyyy-MM-dd} .. {status.End:yyyy-MM-dd}");
Console.WriteLine($"warm-up               {F(warmUp.Time.TotalSeconds)} s: the baseline's calls once on the year {schedule.Year + 2} before anything is measured (the process's cold start: code compiled on first use, every body grain activated), {warmUp.Failures} failures");
Console.WriteLine($"replay                {F(replay.TotalSeconds)} s for {status.EventsDone:N0}/{status.EventsTotal:N0} events ({F(status.EventsDone / replay.TotalSeconds)} events/s, {F(writes / replay.TotalSeconds)} progress writes/s), {status.BodiesIssued:N0} issued, {status.Failures} failures, state {status.State}");
Console.WriteLine($"  days                {timings.Days.Days:N0} replayed, one after another, {F(timings.Days.Time.TotalSeconds)} s; {timings.CompletionDays.Days:N0} of them only 反馈 in {F(timings.CompletionDays.Time.TotalSeconds)} s");
Console.WriteLine($"  first day           {F(timings.FirstDay.TotalSeconds)} s; slowest later day {timings.SlowestLaterDay.Date:yyyy-MM-dd} {F(timings.SlowestLaterDay.Time.TotalMilliseconds)} ms");
foreach (var (kind, (steps, time)) in timings.ByKind.OrderBy(k => k.Key))
{
    Console.WriteLine($"  {kind,-9} steps     {steps,5:N0}, calls {F(time.TotalSeconds)} s summed over steps (they overlap)");
}

Console.WriteLine($"  waits for a place   {F(timings.GateWait.TotalSeconds)} s summed: steps ready but {calls} calls already in flight");
Console.WriteLine($"  delivery waits      {F(timings.DeliveryWait.TotalSeconds)} s summed: each issue until its plan reached the issuer's subtree");
Console.WriteLine($"baseline              {F(baseline.Time.TotalSeconds)} s: cascade {F(baseline.Cascade.TotalSeconds)} s + {run.Hierarchy.Count - 1:N0} localizations and their deliveries {F(baseline.Localizations.TotalSeconds)} s + {writes:N0} progress steps in {run.Hierarchy.Count + completions.Count:N0} batched calls {F(baseline.Progress.TotalSeconds)} s, all unordered ({baseline.Failures} failures)");
Console.WriteLine($"replay / baseline     {F(replay / baseline.Time)}x (the cost of the day-by-day order and of each body waiting for its parent's delivery)");
Console.WriteLine($"fastest useful speed  ~{F((status.End.DayNumber - status.Start.DayNumber) * 86_400 / replay.TotalSeconds)} virtual s per real s (the whole span in the replay's time)");
Console.WriteLine($"peak memory           {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0):F0} MB");

await host.StopAsync();
Directory.Delete(folder, recursive: true);

static string FindSample(string file)
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, "samples", "scenarios", file);
        if (File.Exists(candidate))
        {
            return candidate;
        }
    }

    throw new FileNotFoundException("samples/scenarios not found above the program", file);
}

/// <summary>One run of the baseline procedure: its wall time and its three parts, and the calls that failed.</summary>
internal sealed record Baseline(TimeSpan Time, TimeSpan Cascade, TimeSpan Localizations, TimeSpan Progress, int Failures);
