using System.Diagnostics;
using System.Globalization;
using GovOpenness.Abstractions;
using GovOpenness.CascadeBenchmark;
using GovOpenness.Domain.Hierarchy;
using GovOpenness.Grains;
using GovOpenness.Grains.Hosting;
using GovOpenness.Grains.Storage.Journal;
using GovOpenness.Grains.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Cascades a 30-item plan from the State Council to every body down to townships, persisted on SQLite,
// and compares it with two limits measured in the same run (see README.md).
// --postgres [--silos N]: the same cascade on PostgreSQL, one silo then a cluster of N silo processes (ClusterBenchmark.cs);
// --cluster-silo: one of those silo processes.
if (args.Contains(ClusterSilo.Flag))
{
    return await ClusterSilo.RunAsync(args);
}

if (args.Contains(ClusterBenchmark.Flag))
{
    return await ClusterBenchmark.RunAsync(args);
}

var folder = Path.Combine(Path.GetTempPath(), "govopenness-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
// --GovOpenness:Hierarchy:Depth=village cascades to the 620,573 villages too (665,268 bodies);
// --root 1411 (or 14, …) cascades from that body over its subtree only (a smaller tree to iterate on).
var options = new ConfigurationBuilder().AddCommandLine(args).Build();
var depth = options.GetValue(HierarchyOptions.Section + ":Depth", HierarchyDepth.Township);
var rootId = options.GetValue("root", BodyId.Nation)!;
var villages = depth == HierarchyDepth.Village;
var bodies = Subtree(rootId, HierarchyDepth.Township);
var bodyCount = rootId == BodyId.Nation ? DivisionCatalog.China.CountAt(depth) : Subtree(rootId, depth).Count;
if (DivisionCatalog.China.Find(rootId) is null)
{
    Console.Error.WriteLine($"--root {rootId}: no such body");
    return 2;
}

static List<string> Subtree(string id, HierarchyDepth depth)
{
    var all = new List<string> { id };
    for (var i = 0; i < all.Count; i++)
    {
        all.AddRange(DivisionCatalog.China.ChildrenOf(all[i], depth));
    }

    return all;
}
var settings = new StorageSettings { DataDirectory = folder };

using var host = Host.CreateDefaultBuilder(args)
    .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
    .UseOrleans((context, silo) =>
    {
        silo.UseLocalhostClustering().AddGovOpennessStorage(settings);
        silo.Services.Configure<HierarchyOptions>(context.Configuration.GetSection(HierarchyOptions.Section));

        // Waiting for the whole national delivery is one call: under load it outlasts the default 30 s.
        silo.Configure<Orleans.Configuration.SiloMessagingOptions>(o => o.ResponseTimeout = o.SystemResponseTimeout = TimeSpan.FromMinutes(10));
        silo.Services.Configure<CascadeOptions>(o => o.RetryInterval = TimeSpan.FromSeconds(double.Parse(Environment.GetEnvironmentVariable("BENCH_RETRY") ?? "10", CultureInfo.InvariantCulture)));
    })
    .Build();
await host.StartAsync();
var grains = host.Services.GetRequiredService<IGrainFactory>();
var counters = host.Services.GetRequiredService<StorageCounters>();

// Warm the runtime on one small province first, so the limit is not charged with JIT compilation.
var management = grains.GetGrain<IManagementGrain>(0);
await grains.GetGrain<IFanOutGrain>(rootId == "11" ? "12" : "11").FanOutAsync();
await management.ForceActivationCollection(TimeSpan.Zero);
var watch = Stopwatch.StartNew();

// CPU time of the process in each phase: on a shared machine it varies less than wall time.
static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;
var fanOutCpu = TimeSpan.Zero;

// The empty fan-out over the same tree. At village depth it holds an activation per body (665,268 for
// the country, gigabytes): measured after the cascade, so the cascade's memory is its own.
async Task<(TimeSpan Elapsed, int Visited, long Peak)> FanOutAsync()
{
    watch.Restart();
    var cpuBefore = Cpu();
    var visited = await grains.GetGrain<IFanOutGrain>(rootId).FanOutAsync();
    var elapsed = watch.Elapsed;
    fanOutCpu = Cpu() - cpuBefore;
    var peak = Process.GetCurrentProcess().PeakWorkingSet64;

    // Let the fan-out's activations go, so what follows starts from an empty silo.
    await management.ForceActivationCollection(TimeSpan.Zero);
    GC.Collect();
    return (elapsed, visited, peak);
}

var (fanOut, fannedOut, peakAfterFanOut) = villages ? default : await FanOutAsync();

// Raw SQLite upserts, one per body, only for the township tree (the village run compares with the fan-out).
var raw = villages ? TimeSpan.Zero : RawSqliteLimit.Measure(Path.Combine(folder, "raw.db"), bodies);

var writesBefore = counters.Writes;
var readsBefore = counters.Reads;
watch.Restart();
var cpuAtPublish = Cpu();
var root = grains.GetGrain<IBodyGrain>(rootId);
var published = await root.PublishPlanAsync(BenchmarkPlan.Create());
var watchLimit = TimeSpan.FromSeconds(villages ? 900 : 300);
var watchRoot = new RootWatch(grains, host.Services.GetRequiredService<MilestoneRelay>(), host.Services.GetRequiredService<ProgressJournalCounters>(), rootId, BenchmarkPlan.Year, bodyCount);
var delivering = root.AsReference<IBodyDiagnosticsGrain>().WaitForDeliveryAsync(BenchmarkPlan.Year);
var rootComplete = watchRoot.WaitCompleteAsync(watch, watchLimit, () => delivering.IsCompleted);
var status = await delivering;
var cascade = watch.Elapsed;
var deliveryCpu = Cpu() - cpuAtPublish;
var shownComplete = await rootComplete;
var completeCpu = Cpu() - cpuAtPublish;
var activeAtComplete = await ActivationsAsync();
var writes = counters.Writes - writesBefore;
var reads = counters.Reads - readsBefore;
var peakCascade = Process.GetCurrentProcess().PeakWorkingSet64;

// Spot check: a leaf (a village or a township) derives its plan on demand, every level's policy below the root.
var township = Subtree(bodies[^1], depth)[^1];
var plan = (await root.GetPlanAsync(BenchmarkPlan.Year)).Value!;
var atTownship = (await grains.GetGrain<IBodyGrain>(township).GetPlanAsync(BenchmarkPlan.Year)).Value!;
if (villages)
{
    (fanOut, fannedOut, peakAfterFanOut) = await FanOutAsync();
}

var slower = raw > fanOut ? raw : fanOut;

async Task<string> ActivationsAsync()
{
    var stats = await management.GetSimpleGrainStatistics();
    long Of(string type) => stats.Where(s => s.GrainType.Contains(type, StringComparison.Ordinal)).Sum(s => (long)s.ActivationCount);
    return $"{Of("BodyGrain"):N0} body, {Of("ProgressGrain"):N0} progress";
}

string F(double value) => value.ToString("N1", CultureInfo.InvariantCulture);
Console.WriteLine($"machine load          {File.ReadAllText("/proc/loadavg").Split(' ')[0]} (1-minute load average, {Environment.ProcessorCount} cores)");
Console.WriteLine($"bodies                {bodyCount:N0} from {rootId} down to {depth.ToString().ToLowerInvariant()}s (fan-out visited {fannedOut:N0}; delivery complete: {status?.Complete}, published ok: {published.Succeeded})");
Console.WriteLine($"cascade               {F(cascade.TotalSeconds)} s, {F(bodyCount / cascade.TotalSeconds)} bodies/s");
Console.WriteLine($"storage writes        {writes:N0} (reads {reads:N0})");
Console.WriteLine(villages
    ? $"peak memory           {peakCascade / (1024.0 * 1024.0):F0} MB during the cascade (working set; the empty fan-out, run after it, {peakAfterFanOut / (1024.0 * 1024.0):F0} MB)"
    : $"peak memory           {peakCascade / (1024.0 * 1024.0):F0} MB (working set; {peakAfterFanOut / (1024.0 * 1024.0):F0} MB already after the empty fan-out)");
Console.WriteLine($"limit: empty fan-out  {F(fanOut.TotalSeconds)} s ({F(bodyCount / fanOut.TotalSeconds)} bodies/s); cascade = {F(cascade / fanOut)}x");
if (villages)
{
    Console.WriteLine($"target                delivered and counted at the root within 1.5x the empty fan-out: {(shownComplete is { } c && c <= 1.5 * fanOut ? "met" : "missed")} ({(shownComplete is { } d ? F(d / fanOut) : "-")}x)");
}
else
{
    Console.WriteLine($"limit: raw SQLite     {F(raw.TotalSeconds)} s ({F(bodies.Count / raw.TotalSeconds)} upserts/s); cascade = {F(cascade / raw)}x");
    Console.WriteLine($"target                within 2x the slower limit ({F(slower.TotalSeconds)} s): {(cascade <= 2 * slower ? "met" : "missed")} ({F(cascade / slower)}x)");
}

Console.WriteLine($"CPU time              delivery {F(deliveryCpu.TotalSeconds)} s, until the root showed it complete {F(completeCpu.TotalSeconds)} s; empty fan-out {F(fanOutCpu.TotalSeconds)} s ({(fanOutCpu > TimeSpan.Zero ? F(completeCpu / fanOutCpu) : "-")}x)");
Console.WriteLine($"activations           {activeAtComplete} when the root showed it complete; {await ActivationsAsync()} now");
Console.WriteLine($"root shows complete   {(shownComplete is { } shown ? $"{F(shown.TotalSeconds)} s after publishing = {F(shown / cascade)}x the delivery (target 2x: {(shown <= 2 * cascade ? "met" : "missed")})" : $"not within {watchLimit.TotalSeconds:N0} s")}");
Console.WriteLine("timeline (root summary as a supervisor sees it)");
foreach (var line in watchRoot.Timeline)
{
    Console.WriteLine(line);
}

Console.WriteLine($"spot check            item 1.1 due {plan.Items[0].Item.Deadlines[0].Date:yyyy-MM-dd} at cn, {atTownship.Items[0].Item.Deadlines[0].Date:yyyy-MM-dd} at township {township}, units {string.Join("、", atTownship.Items[0].Item.Units)}");

await host.StopAsync();
Directory.Delete(folder, recursive: true);
return 0;
