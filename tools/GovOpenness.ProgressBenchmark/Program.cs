using System.Diagnostics;
using System.Globalization;
using GovOpenness.Abstractions;
using GovOpenness.CascadeBenchmark;
using GovOpenness.Domain.Hierarchy;
using GovOpenness.Grains;
using GovOpenness.Grains.Hosting;
using GovOpenness.Grains.Storage;
using GovOpenness.Grains.Storage.Journal;
using GovOpenness.ProgressBenchmark;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Durable leaf progress updates/s across the whole tree against raw SQLite measured in the same run,
// and root summary freshness under that load (see README.md). Options: --seconds N (load, default 20),
// --clients N (default 256), --flush SECONDS (GovOpenness:Cascade:ProgressFlushInterval, default the product's).
// --authorization: instead, the same load without and with the server's hierarchy authorization and the
// record (留痕) in alternating phases, and their ratio; --root ID seeds only that body's subtree (a short run).
// --postgres: the silo's storage and journal on the PostgreSQL server of GOVOPENNESS_TEST_POSTGRES (tools/scripts/
// postgres.sh), and the baseline raw single-row transactions against that same server.
var authorizationMode = args.Contains("--authorization");
var postgres = args.Contains("--postgres") ? Environment.GetEnvironmentVariable("GOVOPENNESS_TEST_POSTGRES") : null;
if (args.Contains("--postgres") && string.IsNullOrWhiteSpace(postgres))
{
    Console.Error.WriteLine("GOVOPENNESS_TEST_POSTGRES is not set: eval \"$(bash tools/scripts/postgres.sh start)\" first");
    return 2;
}

// Each run is its own service: rows of earlier runs on the same server never mix with this one's.
var serviceId = "progress-bench-" + Guid.NewGuid().ToString("N")[..12];
var rootId = StringOption("--root", BodyId.Nation);
var seconds = Option("--seconds", 20);
var clients = (int)Option("--clients", 256);
var flush = TimeSpan.FromSeconds(Option("--flush", new CascadeOptions().ProgressFlushInterval.TotalSeconds));

var folder = Path.Combine(Path.GetTempPath(), "govopenness-progress-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
var catalog = DivisionCatalog.China;
var bodies = rootId == BodyId.Nation ? catalog.InTopDownOrder.Select(b => b.Id).ToList() : Subtree(rootId).ToList();
var leaves = bodies.Where(b => catalog.ChildrenOf(b).Count == 0).ToList();
if (args.Contains("--store-only"))
{
    StoreOnly.Run(folder, leaves.Select(l => l + "/2026").ToList(), (int)Option("--payload", 5000), (int)Option("--batch", 24), TimeSpan.FromSeconds(seconds));
    Directory.Delete(folder, recursive: true);
    return 0;
}

var probeLeaves = Enumerable.Range(0, 400).Select(i => leaves[(int)((i * 7919L) % leaves.Count)]).Distinct().ToList();

using var host = Host.CreateDefaultBuilder(args)
    .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
    .UseOrleans(silo =>
    {
        silo.UseLocalhostClustering(serviceId: serviceId, clusterId: serviceId)
            .AddGovOpennessStorage(new StorageSettings { DataDirectory = folder, PostgresConnectionString = postgres, ServiceId = serviceId, ClusterId = serviceId });
        silo.Services.Configure<CascadeOptions>(o => o.ProgressFlushInterval = flush);
    })
    .Build();
await host.StartAsync();
var grains = host.Services.GetRequiredService<IGrainFactory>();
var journal = host.Services.GetRequiredService<ProgressJournalCounters>();

// Seed: the national plan cascades to every body (as in the cascade benchmark).
var watch = Stopwatch.StartNew();
var root = grains.GetGrain<IBodyGrain>(rootId);
await root.PublishPlanAsync(BenchmarkPlan.Create());
// On a loaded machine the national delivery can outlast Orleans' 30 s response timeout: ask again.
for (var asked = 1; ; asked++)
{
    try
    {
        await root.AsReference<IBodyDiagnosticsGrain>().WaitForDeliveryAsync(BenchmarkPlan.Year);
        break;
    }
    catch (TimeoutException) when (asked < 10)
    {
    }
}
var seeded = watch.Elapsed;

// The cascade's milestones (received / published) reach every body's progress grain through the relay.
var relay = host.Services.GetRequiredService<MilestoneRelay>();
while (relay.Pending > 0)
{
    await Task.Delay(100);
}

var noted = watch.Elapsed;

if (authorizationMode)
{
    await AuthorizationRunAsync();
    return 0;
}

// Baseline in the same run, on the same kind of file (or the same server), with a payload of a leaf record's size.
var baselineName = postgres is null ? "raw SQLite" : "raw PostgreSQL";
var raw = postgres is null
    ? RawSqliteBaseline.TransactionsPerSecond(Path.Combine(folder, "raw.db"), leaves, payloadBytes: 1024, TimeSpan.FromSeconds(5))
    : RawPostgresBaseline.TransactionsPerSecond(postgres, serviceId, leaves, payloadBytes: 1024, TimeSpan.FromSeconds(5));

// First touch: every leaf's progress grain activates (reading its plan) and stores one update.
var load = new LeafLoad(grains, leaves, BenchmarkPlan.Year, clients);
watch.Restart();
var touched = await load.TouchEveryLeafAsync();
var touch = watch.Elapsed;
var probe = new FreshnessProbe(grains, rootId, probeLeaves, BenchmarkPlan.Year);
await probe.PrepareAsync();

// Sustained load with the freshness probe beside it.
// Where the time goes, robust to the machine's load: the process's CPU time per update, and the share of the
// run the journal's single writer spent in commits (near 100 %: the writer is the bottleneck).
long commitTicks = 0;
journal.Committed += (_, duration) => Interlocked.Add(ref commitTicks, duration.Ticks);
var process = Process.GetCurrentProcess();
using var sampler = args.Contains("--alloc-types") ? new AllocationSampler() : null;
sampler?.Start();
var cpuBefore = process.TotalProcessorTime;
var threadsBefore = ThreadCpu.Sample();
var (allocatedBefore, pausedBefore, gen0Before, gen2Before) = (GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(2));
var (recordsBefore, commitsBefore) = (journal.Records, journal.Commits);
using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
// On stderr, so a profiler can be attached for the sustained load only (the figures follow on stdout at the end).
Console.Error.WriteLine($"sustained load starts: {clients} clients for {seconds} s (pid {Environment.ProcessId})");
watch.Restart();
var probing = probe.RunAsync(stop.Token);
var (stored, refused) = await load.RunAsync(stop.Token);
var elapsed = watch.Elapsed;
var latencies = await probing;
var (records, commits) = (journal.Records - recordsBefore, journal.Commits - commitsBefore);
process.Refresh();
var cpu = process.TotalProcessorTime - cpuBefore;
sampler?.Stop();
var threads = ThreadCpu.Sample();
var (allocated, paused, gen0, gen2) = (GC.GetTotalAllocatedBytes() - allocatedBefore, GC.GetTotalPauseDuration() - pausedBefore, GC.CollectionCount(0) - gen0Before, GC.CollectionCount(2) - gen2Before);
var commitTime = TimeSpan.FromTicks(Interlocked.Read(ref commitTicks));
var durable = stored / elapsed.TotalSeconds;
latencies.Sort();

string F(double value, int digits = 1) => value.ToString("N" + digits, CultureInfo.InvariantCulture);
string Ms(double quantile) => latencies.Count == 0 ? "-" : F(latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(quantile * latencies.Count) - 1)].TotalMilliseconds, 0) + " ms";
Console.WriteLine($"machine load             {File.ReadAllText("/proc/loadavg").Split(' ')[0]} (1-minute load average, {Environment.ProcessorCount} cores)");
Console.WriteLine($"storage                  {(postgres is null ? "SQLite (WAL, synchronous=NORMAL) in a temp folder" : $"PostgreSQL at {new Npgsql.NpgsqlConnectionStringBuilder(postgres).Host}:{new Npgsql.NpgsqlConnectionStringBuilder(postgres).Port}")}");
Console.WriteLine($"tree                     {bodies.Count:N0} bodies under {rootId}, {leaves.Count:N0} leaves; plan seeded in {F(seeded.TotalSeconds)} s, milestones noted by {F(noted.TotalSeconds)} s");
Console.WriteLine($"first touch              {touched:N0} leaves activated and updated in {F(touch.TotalSeconds)} s ({F(touched / touch.TotalSeconds, 0)}/s)");
Console.WriteLine($"load                     {clients} clients for {F(elapsed.TotalSeconds)} s, flush interval {flush.TotalMilliseconds:N0} ms");
Console.WriteLine($"durable updates          {stored:N0} acknowledged ({refused:N0} refused): {F(durable, 0)} updates/s");
Console.WriteLine($"journal                  {records:N0} records in {commits:N0} transactions ({F(records / (double)Math.Max(1, commits))} per transaction)");
Console.WriteLine($"cost                     {F(cpu.TotalMicroseconds / Math.Max(1, stored), 0)} µs CPU per update; journal writer busy {F(100 * commitTime / elapsed, 0)} % ({F(commitTime.TotalMicroseconds / Math.Max(1, records), 0)} µs per record)");
Console.WriteLine($"garbage collection       {F(allocated / (double)Math.Max(1, stored) / 1024)} KB allocated per update; paused {F(100 * paused / elapsed)} % of the load; {gen0:N0} collections ({gen2:N0} full)");
Console.WriteLine($"  CPU by thread          {string.Join(", ", threads.Select(t => $"{t.Key} {F((t.Value - threadsBefore[t.Key]) * 1e6 / Math.Max(1, stored), 0)} µs"))} per update");
foreach (var kind in new[] { GCKind.Ephemeral, GCKind.Background, GCKind.FullBlocking })
{
    var info = GC.GetGCMemoryInfo(kind);
    if (info.Index > 0)
    {
        Console.WriteLine($"  last {kind,-13} gen{info.Generation} #{info.Index}: pause {F(info.PauseDurations[0].TotalMilliseconds)} ms, promoted {info.PromotedBytes / 1048576.0:F0} MB, heap {info.HeapSizeBytes / 1048576.0:F0} MB, pinned {info.PinnedObjectsCount}, gens {string.Join("/", info.GenerationInfo.ToArray().Select(g => $"{g.SizeAfterBytes / 1048576.0:F0}"))} MB");
    }
}

foreach (var (type, share) in sampler?.Top(15) ?? [])
{
    Console.WriteLine($"  allocated {F(100 * share),5} %  {type}");
}

Console.WriteLine($"{baselineName + " (baseline)",-25}{F(raw, 0)} single-row transactions/s");
var target = postgres is null ? 2.0 : 1.0;
Console.WriteLine($"ratio                    {F(100 * durable / raw)} % of {baselineName} (target >= {100 * target:F0} %: {(durable >= raw * target ? "met" : "missed")})");
var p99 = latencies.Count == 0 ? TimeSpan.MaxValue : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(0.99 * latencies.Count) - 1)];
Console.WriteLine($"root freshness           p50 {Ms(0.5)}, p99 {Ms(0.99)}, max {Ms(1)} over {latencies.Count} probes (target p99 <= 300 ms: {(p99 <= TimeSpan.FromMilliseconds(300) ? "met" : "missed")})");
Console.WriteLine($"peak memory              {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0):F0} MB");

await host.StopAsync();
Directory.Delete(folder, recursive: true);
return 0;

// Plain and authorized phases alternate (plain, authorized, plain, authorized), each half the seconds,
// so that a change of the machine's load during the run weighs on both sides alike.
async Task AuthorizationRunAsync()
{
    var steps = new LeafLoad(grains, leaves, BenchmarkPlan.Year, clients);
    watch.Restart();
    var touchedLeaves = await steps.TouchEveryLeafAsync();
    var touchTime = watch.Elapsed;
    var authorized = new AuthorizedSteps(host.Services, grains);
    var totals = new Dictionary<bool, (long Stored, long Refused, TimeSpan Elapsed, TimeSpan Cpu, TimeSpan Commit)> { [false] = default, [true] = default };
    var recordsBefore = journal.Records;

    // Where the time goes, robust to the machine's load: the process's CPU time per update, and how long
    // the journal's single writer spent in commits (its share of the phase: near 100 % it is the bottleneck).
    long commitTicks = 0;
    journal.Committed += (_, duration) => Interlocked.Add(ref commitTicks, duration.Ticks);
    var process = Process.GetCurrentProcess();
    foreach (var withAuthorization in new[] { false, true, false, true })
    {
        steps.Authorization = withAuthorization ? authorized : null;
        using var phase = new CancellationTokenSource(TimeSpan.FromSeconds(seconds / 4));
        process.Refresh();
        var (cpuBefore, commitBefore) = (process.TotalProcessorTime, Interlocked.Read(ref commitTicks));
        var clock = Stopwatch.StartNew();
        var (stored, refused) = await steps.RunAsync(phase.Token);
        var elapsedPhase = clock.Elapsed;
        process.Refresh();
        var sum = totals[withAuthorization];
        totals[withAuthorization] = (sum.Stored + stored, sum.Refused + refused, sum.Elapsed + elapsedPhase,
            sum.Cpu + (process.TotalProcessorTime - cpuBefore), sum.Commit + TimeSpan.FromTicks(Interlocked.Read(ref commitTicks) - commitBefore));
    }

    var plain = totals[false].Stored / totals[false].Elapsed.TotalSeconds;
    var guarded = totals[true].Stored / totals[true].Elapsed.TotalSeconds;
    var audit = host.Services.GetRequiredService<GovOpenness.Grains.Storage.Audit.AuditReader>();
    Console.WriteLine($"machine load             {File.ReadAllText("/proc/loadavg").Split(' ')[0]} (1-minute load average, {Environment.ProcessorCount} cores)");
    Console.WriteLine($"tree                     {bodies.Count:N0} bodies under {rootId}, {leaves.Count:N0} leaves; plan seeded in {F(seeded.TotalSeconds)} s, milestones noted by {F(noted.TotalSeconds)} s");
    Console.WriteLine($"first touch              {touchedLeaves:N0} leaves in {F(touchTime.TotalSeconds)} s; then {clients} clients, 4 alternating phases of {F(seconds / 4)} s");
    Console.WriteLine($"without (baseline)       {totals[false].Stored:N0} acknowledged ({totals[false].Refused:N0} refused) in {F(totals[false].Elapsed.TotalSeconds)} s: {F(plain, 0)} updates/s");
    Console.WriteLine($"with authorization+record {totals[true].Stored:N0} acknowledged ({totals[true].Refused:N0} refused) in {F(totals[true].Elapsed.TotalSeconds)} s: {F(guarded, 0)} updates/s");
    string Cost(bool side) => $"{F(totals[side].Cpu.TotalMicroseconds / Math.Max(1, totals[side].Stored), 0)} µs CPU per update, journal writer busy {F(100 * totals[side].Commit / totals[side].Elapsed, 0)} % ({F(totals[side].Commit.TotalMicroseconds / Math.Max(1, totals[side].Stored), 0)} µs per update)";
    Console.WriteLine($"cost without             {Cost(false)}");
    Console.WriteLine($"cost with                {Cost(true)}");
    var verified = await audit.VerifyAsync();
    Console.WriteLine($"record (留痕)            {verified.Records:N0} records, chain {(verified.Intact ? "intact" : "BROKEN")}; journal records committed in the phases: {journal.Records - recordsBefore:N0}");
    Console.WriteLine($"ratio                    {F(100 * guarded / plain)} % of the run without them (target >= 80 %: {(guarded >= 0.8 * plain ? "met" : "missed")})");
    Console.WriteLine($"peak memory              {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0):F0} MB");
    await host.StopAsync();
    Directory.Delete(folder, recursive: true);
}

IEnumerable<string> Subtree(string id)
{
    yield return id;
    foreach (var child in catalog.ChildrenOf(id))
    {
        foreach (var below in Subtree(child))
        {
            yield return below;
        }
    }
}

string StringOption(string name, string fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
}

double Option(string name, double fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? double.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}
