using System.Globalization;
using GovOpenness.Abstractions;
using GovOpenness.Domain.Hierarchy;
using GovOpenness.Grains.Hosting;
using Microsoft.Extensions.Configuration;

namespace GovOpenness.CascadeBenchmark;

/// <summary>
/// <c>--postgres [--silos N]</c>: the cascade on one PostgreSQL silo and then on a cluster of N silos (default 3),
/// each on a fresh database of the server of GOVOPENNESS_TEST_POSTGRES (tools/scripts/postgres.sh), and the
/// ratio of N silos to one silo, each also as a ratio to its own same-run empty fan-out (see README.md).
/// </summary>
internal static class ClusterBenchmark
{
    public const string Flag = "--postgres";

    public static async Task<int> RunAsync(string[] args)
    {
        var admin = Environment.GetEnvironmentVariable("GOVOPENNESS_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(admin))
        {
            Console.Error.WriteLine("GOVOPENNESS_TEST_POSTGRES is not set: eval \"$(bash tools/scripts/postgres.sh start)\" first");
            return 2;
        }

        // --postgres is a switch: taken out before the rest is read as key/value pairs.
        var options = new ConfigurationBuilder().AddCommandLine(args.Where(a => a != Flag).ToArray()).Build();
        var depth = options.GetValue(HierarchyOptions.Section + ":Depth", HierarchyDepth.Township);
        var rootId = options.GetValue("root", BodyId.Nation)!;
        var silos = options.GetValue("silos", 3);
        if (DivisionCatalog.China.Find(rootId) is null || silos < 1)
        {
            Console.Error.WriteLine($"--root {rootId} --silos {silos}: no such body, or fewer than one silo");
            return 2;
        }

        var bodyCount = Count(rootId, depth);
        var watchLimit = TimeSpan.FromSeconds(depth == HierarchyDepth.Village ? 900 : 300);

        // The silos get the project's settings given here (GovOpenness:…), the depth included.
        var siloConfiguration = options.GetSection("GovOpenness").AsEnumerable(makePathsRelative: false)
            .Where(kv => kv.Value is not null).Select(kv => $"--{kv.Key}={kv.Value}").ToList();
        if (options["placement-timeout"] is { } placementTimeout)
        {
            siloConfiguration.AddRange(["--placement-timeout", placementTimeout]);
        }

        int[] counts = silos == 1 ? [1] : [1, silos];
        var results = new List<ClusterFigures>();
        foreach (var n in counts)
        {
            var figures = await new ClusterRun(admin, n, rootId, depth, bodyCount, siloConfiguration, watchLimit).RunAsync();
            results.Add(figures);
            Print(figures, rootId, depth, bodyCount);
        }

        if (results.Count == 2)
        {
            PrintRatio(results[0], results[1]);
        }

        Console.WriteLine($"benchmark client      peak {Mb(System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64)} (working set of this process: the Orleans client and the watch)");
        return 0;
    }

    private static int Count(string id, HierarchyDepth depth) => 1 + DivisionCatalog.China.ChildrenOf(id, depth).Sum(c => Count(c, depth));

    private static string F(double value) => value.ToString("N1", CultureInfo.InvariantCulture);

    private static string Mb(long bytes) => $"{bytes / (1024.0 * 1024.0):N0} MB";

    private static void Print(ClusterFigures r, string rootId, HierarchyDepth depth, int bodyCount)
    {
        Console.WriteLine();
        Console.WriteLine($"== {r.Silos} silo{(r.Silos == 1 ? "" : "s")} on PostgreSQL (one process each, ADO.NET membership, storage and journal on a fresh database)");
        Console.WriteLine($"machine load          {File.ReadAllText("/proc/loadavg").Split(' ')[0]} (1-minute load average, {Environment.ProcessorCount} cores)");
        Console.WriteLine($"bodies                {bodyCount:N0} from {rootId} down to {depth.ToString().ToLowerInvariant()}s (fan-out visited {r.FannedOut:N0}; delivery complete: {r.Delivered}, published ok: {r.Published})");
        Console.WriteLine($"cascade               {F(r.Delivery.TotalSeconds)} s, {F(bodyCount / r.Delivery.TotalSeconds)} bodies/s");
        Console.WriteLine($"storage writes        {r.Stats.Writes:N0} (reads {r.Stats.Reads:N0}); journal records {r.Stats.JournalRecords:N0} in {r.Stats.JournalCommits:N0} commits (all silos)");
        Console.WriteLine($"peak memory           during the cascade {string.Join(" + ", r.CascadePeaks.Select(Mb))} (per silo process, VmHWM); during the empty fan-out {string.Join(" + ", r.FanOutPeaks.Select(Mb))}");
        Console.WriteLine(r.FanOutFailure is null
            ? $"limit: empty fan-out  {F(r.FanOut.TotalSeconds)} s ({F(bodyCount / r.FanOut.TotalSeconds)} bodies/s, spread over the same silos: {r.FanOutSpread} activations per silo); cascade = {F(r.Delivery / r.FanOut)}x"
            : $"limit: empty fan-out  FAILED after {F(r.FanOut.TotalSeconds)} s: {r.FanOutFailure}");
        Console.WriteLine($"target                delivered and counted at the root within 1.5x the empty fan-out: {(r.FanOutFailure is not null ? "not measured" : r.RootComplete is { } c && c <= 1.5 * r.FanOut ? "met" : "missed")} ({(r.RootComplete is { } d ? F(d / r.FanOut) : "-")}x)");
        Console.WriteLine($"CPU time (all silos)  delivery {F(r.DeliveryCpu.TotalSeconds)} s, until the root showed it complete {F(r.CompleteCpu.TotalSeconds)} s; empty fan-out {F(r.FanOutCpu.TotalSeconds)} s ({(r.FanOutCpu > TimeSpan.Zero ? F(r.CompleteCpu / r.FanOutCpu) : "-")}x)");
        Console.WriteLine($"activations           {r.ActivationsAtComplete} when the root showed it complete; {r.ActivationsAfter} at the end");
        Console.WriteLine($"root shows complete   {(r.RootComplete is { } shown ? $"{F(shown.TotalSeconds)} s after publishing = {F(shown / r.Delivery)}x the delivery (target 2x: {(shown <= 2 * r.Delivery ? "met" : "missed")})" : "not within the watch's limit")}");
        Console.WriteLine("timeline (root summary as a supervisor sees it)");
        foreach (var line in r.Timeline)
        {
            Console.WriteLine(line);
        }

        Console.WriteLine($"spot check            {r.SpotCheck}");
    }

    private static void PrintRatio(ClusterFigures one, ClusterFigures many)
    {
        string Ratio(TimeSpan? a, TimeSpan? b) => a is { } x && b is { } y ? $"{F(x.TotalSeconds)} s / {F(y.TotalSeconds)} s = {x / y:N2}x" : "-";
        string OwnFanOut(ClusterFigures r) => r.RootComplete is { } c && r.FanOutFailure is null ? $"{c / r.FanOut:N2}x" : "-";
        Console.WriteLine();
        Console.WriteLine($"== {many.Silos} silos / 1 silo, same run (below 1: the cluster is faster)");
        Console.WriteLine($"delivery              {Ratio(many.Delivery, one.Delivery)}");
        Console.WriteLine($"root shows complete   {Ratio(many.RootComplete, one.RootComplete)}");
        Console.WriteLine($"empty fan-out         {((one.FanOutFailure ?? many.FanOutFailure) is null ? Ratio(many.FanOut, one.FanOut) : "- (failed)")}");
        Console.WriteLine($"vs own fan-out        root complete / same-run fan-out: 1 silo {OwnFanOut(one)}, {many.Silos} silos {OwnFanOut(many)}; delivery / fan-out: 1 silo {one.Delivery / one.FanOut:N2}x, {many.Silos} silos {many.Delivery / many.FanOut:N2}x");
        Console.WriteLine($"CPU time until root   {F(many.CompleteCpu.TotalSeconds)} s / {F(one.CompleteCpu.TotalSeconds)} s = {many.CompleteCpu / one.CompleteCpu:N2}x (all silos)");
        Console.WriteLine($"peak memory           largest silo during the cascade {Mb(many.CascadePeaks.Max())} / {Mb(one.CascadePeaks.Max())}; sum {Mb(many.CascadePeaks.Sum())} / {Mb(one.CascadePeaks.Sum())}");
    }
}
