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
// same run: the same plan cascaded once and the same progress steps made in one flat parallel loop,
// without the schedule's day-by-day order and delivery waits (see README.md).
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

var watch = Stopwatch.StartNew();
var driver = new ReplayDriver(grains, schedule, clock, scenarioFile, calls, NullLogger.Instance);
await driver.RunAsync(CancellationToken.None);
var replay = watch.Elapsed;
var status = driver.Status;

// Baseline: the next year, so every grain call lands on fresh state as in the replay.
var year = schedule.Year + 1;
watch.Restart();
var root = grains.GetGrain<IBodyGrain>(run.Hierarchy.IdOf(0));
await root.PublishPlanAsync(new PublishPlanCommand(year, run.Scenario.PlanTitle, null,
    [.. run.Scenario.Items.Select(i => new PlanItemData(i.Id, i.Heading, i.Heading, [new DeadlineData("年底前", DeadlineKind.By, i.Deadline.AddYears(1))], []))]));
await root.AsReference<IBodyDiagnosticsGrain>().WaitForDeliveryAsync(year);
var cascade = watch.Elapsed;
var failures = 0;
foreach (var step in new[] { ProgressStep.Acknowledged, ProgressStep.Reported })
{
    await Parallel.ForEachAsync(Enumerable.Range(0, run.Hierarchy.Count), new ParallelOptions { MaxDegreeOfParallelism = calls }, async (body, _) =>
    {
        var progress = grains.GetGrain<IProgressGrain>(IProgressGrain.Key(run.Hierarchy.IdOf(body), year));
        foreach (var item in run.Scenario.Items)
        {
            var result = await progress.RecordProgressAsync(new ProgressUpdate(year, item.Id, step), null);
            if (!result.Succeeded)
            {
                Interlocked.Increment(ref failures);
            }
        }
    });
}

var baseline = watch.Elapsed;
string F(double value) => value.ToString("N1", CultureInfo.InvariantCulture);
var writes = run.Hierarchy.Count * run.ItemCount * 2;
Console.WriteLine($"machine load          {File.ReadAllText("/proc/loadavg").Split(' ')[0]} (1-minute load average, {Environment.ProcessorCount} cores)");
Console.WriteLine($"scenario              {run.Scenario.Name}: {run.Hierarchy.Count:N0} bodies x {run.ItemCount} items, {schedule.Batches.Count:N0} batches, virtual {status.Start:yyyy-MM-dd} .. {status.End:yyyy-MM-dd}");
Console.WriteLine($"replay                {F(replay.TotalSeconds)} s for {status.EventsDone:N0}/{status.EventsTotal:N0} events ({F(status.EventsDone / replay.TotalSeconds)} events/s, {F(writes / replay.TotalSeconds)} progress writes/s), {status.BodiesIssued:N0} issued, {status.Failures} failures, state {status.State}");
Console.WriteLine($"baseline              {F(baseline.TotalSeconds)} s: cascade {F(cascade.TotalSeconds)} s + {writes:N0} progress steps unordered ({failures} failures)");
Console.WriteLine($"replay / baseline     {F(replay / baseline)}x (the cost of the day-by-day order, the per-body localizations and delivery waits)");
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
