using System.Diagnostics;
using System.Globalization;
using GovOpenness.Abstractions;
using GovOpenness.CascadeBenchmark;
using GovOpenness.Domain.Hierarchy;
using GovOpenness.Grains;
using GovOpenness.Grains.Hosting;
using GovOpenness.Grains.Storage.Journal;
using GovOpenness.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Cascades a 30-item plan from the State Council to every body down to townships, persisted on SQLite,
// and compares it with two limits measured in the same run (see README.md).
var folder = Path.Combine(Path.GetTempPath(), "govopenness-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
var bodies = DivisionCatalog.China.InTopDownOrder.Select(b => b.Id).ToList();
var settings = new StorageSettings { DataDirectory = folder };

using var host = Host.CreateDefaultBuilder(args)
    .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
    .UseOrleans(silo =>
    {
        silo.UseLocalhostClustering().AddGovOpennessStorage(settings);

        // Waiting for the whole national delivery is one call: under load it outlasts the default 30 s.
        silo.Configure<Orleans.Configuration.SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(10));
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
await grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

var raw = RawSqliteLimit.Measure(Path.Combine(folder, "raw.db"), bodies);

var writesBefore = counters.Writes;
var readsBefore = counters.Reads;
watch.Restart();
var root = grains.GetGrain<IBodyGrain>(BodyId.Nation);
var published = await root.PublishPlanAsync(BenchmarkPlan.Create());
var watchRoot = new RootWatch(grains, host.Services.GetRequiredService<MilestoneRelay>(), host.Services.GetRequiredService<ProgressJournalCounters>(), BenchmarkPlan.Year, bodies.Count);
var delivering = root.AsReference<IBodyDiagnosticsGrain>().WaitForDeliveryAsync(BenchmarkPlan.Year);
var rootComplete = watchRoot.WaitCompleteAsync(watch, TimeSpan.FromSeconds(180), () => delivering.IsCompleted);
var status = await delivering;
var cascade = watch.Elapsed;
var shownComplete = await rootComplete;
var writes = counters.Writes - writesBefore;
var reads = counters.Reads - readsBefore;

// Spot check: a township derives its plan on demand, five levels of policy below the root.
var township = bodies[^1];
var plan = (await root.GetPlanAsync(BenchmarkPlan.Year)).Value!;
var atTownship = (await grains.GetGrain<IBodyGrain>(township).GetPlanAsync(BenchmarkPlan.Year)).Value!;
var slower = raw > fanOut ? raw : fanOut;

string F(double value) => value.ToString("N1", CultureInfo.InvariantCulture);
Console.WriteLine($"machine load          {File.ReadAllText("/proc/loadavg").Split(' ')[0]} (1-minute load average, {Environment.ProcessorCount} cores)");
Console.WriteLine($"bodies                {bodies.Count:N0} (fan-out visited {fannedOut:N0}; delivery complete: {status?.Complete}, published ok: {published.Succeeded})");
Console.WriteLine($"cascade               {F(cascade.TotalSeconds)} s, {F(bodies.Count / cascade.TotalSeconds)} bodies/s");
Console.WriteLine($"storage writes        {writes:N0} (reads {reads:N0})");
Console.WriteLine($"peak memory           {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0):F0} MB");
Console.WriteLine($"limit: empty fan-out  {F(fanOut.TotalSeconds)} s ({F(bodies.Count / fanOut.TotalSeconds)} bodies/s); cascade = {F(cascade / fanOut)}x");
Console.WriteLine($"limit: raw SQLite     {F(raw.TotalSeconds)} s ({F(bodies.Count / raw.TotalSeconds)} upserts/s); cascade = {F(cascade / raw)}x");
Console.WriteLine($"target                within 2x the slower limit ({F(slower.TotalSeconds)} s): {(cascade <= 2 * slower ? "met" : "missed")} ({F(cascade / slower)}x)");
Console.WriteLine($"root shows complete   {(shownComplete is { } shown ? $"{F(shown.TotalSeconds)} s after publishing = {F(shown / cascade)}x the delivery (target 2x: {(shown <= 2 * cascade ? "met" : "missed")})" : "not within 180 s")}");
Console.WriteLine("timeline (root summary as a supervisor sees it)");
foreach (var line in watchRoot.Timeline)
{
    Console.WriteLine(line);
}

Console.WriteLine($"spot check            item 1.1 due {plan.Items[0].Item.Deadlines[0].Date:yyyy-MM-dd} at cn, {atTownship.Items[0].Item.Deadlines[0].Date:yyyy-MM-dd} at township {township}, units {string.Join("、", atTownship.Items[0].Item.Units)}");

await host.StopAsync();
Directory.Delete(folder, recursive: true);
