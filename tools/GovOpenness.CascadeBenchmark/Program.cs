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
var folder = Path.Combine(Path.GetTempPath(), "govopenness-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
// --GovOpenness:Hierarchy:Depth=village cascades to the 620,573 villages too (665,268 bodies).
var depth = new ConfigurationBuilder().AddCommandLine(args).Build().GetValue(HierarchyOptions.Section + ":Depth", HierarchyDepth.Township);
var villages = depth == HierarchyDepth.Village;
var bodies = DivisionCatalog.China.InTopDownOrder.Select(b => b.Id).ToList();
var bodyCount = DivisionCatalog.China.CountAt(depth);
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
await grains.GetGrain<IFanOutGrain>("11").FanOutAsync();
var watch = Stopwatch.StartNew();
var fannedOut = await grains.GetGrain<IFanOutGrain>(BodyId.Nation).FanOutAsync();
var fanOut = watch.Elapsed;

// Let the fan-out's activations go, so the cascade starts from an empty silo as the limit did.
var peakAfterFanOut = Process.GetCurrentProcess().PeakWorkingSet64;
await grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
GC.Collect();

// Raw SQLite upserts, one per body, only for the township tree (the village run compares with the fan-out).
var raw = villages ? TimeSpan.Zero : RawSqliteLimit.Measure(Path.Combine(folder, "raw.db"), bodies);

var writesBefore = counters.Writes;
var readsBefore = counters.Reads;
watch.Restart();
var root = grains.GetGrain<IBodyGrain>(BodyId.Nation);
var published = await root.PublishPlanAsync(BenchmarkPlan.Create());
var watchLimit = TimeSpan.FromSeconds(villages ? 900 : 300);
var watchRoot = new RootWatch(grains, host.Services.GetRequiredService<MilestoneRelay>(), host.Services.GetRequiredService<ProgressJournalCounters>(), BenchmarkPlan.Year, bodyCount);
var delivering = root.AsReference<IBodyDiagnosticsGrain>().WaitForDeliveryAsync(BenchmarkPlan.Year);
var rootComplete = watchRoot.WaitCompleteAsync(watch, watchLimit, () => delivering.IsCompleted);
var status = await delivering;
var cascade = watch.Elapsed;
var shownComplete = await rootComplete;
var management = grains.GetGrain<IManagementGrain>(0);
var activeAtComplete = await ActivationsAsync();
var writes = counters.Writes - writesBefore;
var reads = counters.Reads - readsBefore;

// Spot check: a township derives its plan on demand, five levels of policy below the root.
var township = villages ? bodies[^1] + "001" : bodies[^1];
var plan = (await root.GetPlanAsync(BenchmarkPlan.Year)).Value!;
var atTownship = (await grains.GetGrain<IBodyGrain>(township).GetPlanAsync(BenchmarkPlan.Year)).Value!;
var slower = raw > fanOut ? raw : fanOut;

async Task<string> ActivationsAsync()
{
    var stats = await management.GetSimpleGrainStatistics();
    long Of(string type) => stats.Where(s => s.GrainType.Contains(type, StringComparison.Ordinal)).Sum(s => (long)s.ActivationCount);
    return $"{Of("BodyGrain"):N0} body, {Of("ProgressGrain"):N0} progress";
}

string F(double value) => value.ToString("N1", CultureInfo.InvariantCulture);
Console.WriteLine($"machine load          {File.ReadAllText("/proc/loadavg").Split(' ')[0]} (1-minute load average, {Environment.ProcessorCount} cores)");
Console.WriteLine($"bodies                {bodyCount:N0} down to {depth.ToString().ToLowerInvariant()}s (fan-out visited {fannedOut:N0}; delivery complete: {status?.Complete}, published ok: {published.Succeeded})");
Console.WriteLine($"cascade               {F(cascade.TotalSeconds)} s, {F(bodyCount / cascade.TotalSeconds)} bodies/s");
Console.WriteLine($"storage writes        {writes:N0} (reads {reads:N0})");
Console.WriteLine($"peak memory           {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0):F0} MB (working set; {peakAfterFanOut / (1024.0 * 1024.0):F0} MB already after the empty fan-out)");
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
