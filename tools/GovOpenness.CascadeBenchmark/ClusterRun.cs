using System.Diagnostics;
using GovOpenness.Abstractions;
using GovOpenness.Domain.Hierarchy;
using GovOpenness.Grains.Hosting;
using GovOpenness.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GovOpenness.CascadeBenchmark;

/// <summary>What one cluster run measured (silo figures summed or listed per silo process).</summary>
internal sealed record ClusterFigures(
    int Silos, bool Published, bool? Delivered, TimeSpan Delivery, TimeSpan? RootComplete, TimeSpan FanOut, int FannedOut,
    TimeSpan DeliveryCpu, TimeSpan CompleteCpu, TimeSpan FanOutCpu, SiloStats Stats,
    string ActivationsAtComplete, string ActivationsAfter, IReadOnlyList<long> CascadePeaks, IReadOnlyList<long> FanOutPeaks, string FanOutSpread,
    IReadOnlyList<string> Timeline, string SpotCheck, string? FanOutFailure = null);

/// <summary>
/// The cascade on a PostgreSQL cluster of N silo processes (<see cref="ClusterSilo"/>) on a fresh database,
/// driven by an Orleans client in this process through the cluster's gateways: the same sequence as the
/// one-silo run (warm-up, publish, delivery, the root's summary watched until it counts every body, a
/// spot check, then the empty fan-out over the same tree, spread over the same silos).
/// </summary>
internal sealed class ClusterRun(string adminConnectionString, int silos, string rootId, HierarchyDepth depth, int bodyCount, IReadOnlyList<string> siloConfiguration, TimeSpan watchLimit)
{
    public async Task<ClusterFigures> RunAsync()
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        var serviceId = "cascade-bench-" + id;
        var database = "cascadebench_" + id;
        var connectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = database }.ToString();
        await ExecuteAsync(adminConnectionString, $"CREATE DATABASE {database}");
        var logs = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "govopenness-cascade-cluster-" + id)).FullName;
        Console.Error.WriteLine($"{silos} silo(s): database {database}, silo logs in {logs}");
        DatabaseSchema.ApplyPostgres(connectionString);
        var processes = new List<ClusterSiloProcess>();
        try
        {
            // One after the other, as an operator scales out: each joins the membership the earlier ones formed.
            for (var i = 0; i < silos; i++)
            {
                processes.Add(new ClusterSiloProcess(i, connectionString, serviceId, siloConfiguration, logs));
                await processes[i].Ready.WaitAsync(TimeSpan.FromMinutes(3));
            }

            using var client = Host.CreateDefaultBuilder()
                .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
                .UseOrleansClient(client =>
                {
                    client.UseAdoNetClustering(o =>
                    {
                        o.Invariant = DatabaseSchema.PostgresInvariant;
                        o.ConnectionString = connectionString;
                    });
                    client.Configure<Orleans.Configuration.ClusterOptions>(o => o.ClusterId = o.ServiceId = serviceId);
                    client.Configure<Orleans.Configuration.ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(10));
                    client.Services.AllowPollyExceptions(); // a silo's placement timeout arrives as itself
                })
                .Build();
            await client.StartAsync();
            try
            {
                var grains = client.Services.GetRequiredService<IClusterClient>();
                var active = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
                if (active.Count != silos)
                {
                    throw new InvalidOperationException($"{active.Count} active silos in the membership, {silos} started");
                }

                return await MeasureAsync(grains, processes);
            }
            finally
            {
                await client.StopAsync();
            }
        }
        finally
        {
            await Task.WhenAll(processes.Select(p => p.StopAsync(TimeSpan.FromSeconds(40))));
            processes.ForEach(p => p.Dispose());
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(adminConnectionString, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    private async Task<ClusterFigures> MeasureAsync(IGrainFactory grains, List<ClusterSiloProcess> processes)
    {
        TimeSpan Cpu() => processes.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Cpu);
        async Task<SiloStats> StatsAsync() => (await Task.WhenAll(processes.Select(p => p.StatsAsync()))).Aggregate((a, b) => a + b);

        // Warm the silos on one small province first, so neither figure is charged with JIT compilation.
        var management = grains.GetGrain<IManagementGrain>(0);
        await grains.GetGrain<IFanOutGrain>(rootId == "11" ? "12" : "11").FanOutAsync();
        await management.ForceActivationCollection(TimeSpan.Zero);

        var statsBefore = await StatsAsync();
        processes.ForEach(p => p.ResetPeak());
        var cpuAtPublish = Cpu();
        var watch = Stopwatch.StartNew();
        var root = grains.GetGrain<IBodyGrain>(rootId);
        var published = await root.PublishPlanAsync(BenchmarkPlan.Create());
        var delivering = root.AsReference<IBodyDiagnosticsGrain>().WaitForDeliveryAsync(BenchmarkPlan.Year);
        var timeline = new List<string>();
        var rootComplete = WatchRootAsync(grains, watch, () => delivering.IsCompleted, StatsAsync, timeline);
        var status = await delivering;
        var delivery = watch.Elapsed;
        var deliveryCpu = Cpu() - cpuAtPublish;
        var shown = await rootComplete;
        var completeCpu = Cpu() - cpuAtPublish;
        var activationsAtComplete = await ActivationsAsync(management);
        var stats = await StatsAsync() - statsBefore;
        var cascadePeaks = processes.Select(p => p.PeakBytes).ToList();

        // Spot check, as in the one-silo run: the last leaf derives its plan on demand.
        var leaf = LastLeaf(rootId);
        var plan = (await root.GetPlanAsync(BenchmarkPlan.Year)).Value!;
        var atLeaf = (await grains.GetGrain<IBodyGrain>(leaf).GetPlanAsync(BenchmarkPlan.Year)).Value!;
        var spotCheck = $"item 1.1 due {plan.Items[0].Item.Deadlines[0].Date:yyyy-MM-dd} at {rootId}, {atLeaf.Items[0].Item.Deadlines[0].Date:yyyy-MM-dd} at {leaf}, units {string.Join("、", atLeaf.Items[0].Item.Units)}";

        // The empty fan-out over the same tree on the same silos, from an empty cluster.
        await management.ForceActivationCollection(TimeSpan.Zero);
        processes.ForEach(p => p.ResetPeak());
        var cpuBeforeFanOut = Cpu();
        watch.Restart();
        var (fannedOut, fanOutFailure) = (0, (string?)null);
        try
        {
            fannedOut = await grains.GetGrain<IFanOutGrain>(rootId).FanOutAsync();
        }
        catch (Exception e)
        {
            // The cascade's figures stand; the limit is reported as failed (a silo's exception may not even cross the wire).
            fanOutFailure = $"{e.GetType().Name}: {e.Message}";
        }

        var fanOut = watch.Elapsed;
        var fanOutCpu = Cpu() - cpuBeforeFanOut;
        var fanOutPeaks = processes.Select(p => p.PeakBytes).ToList();
        var fanOutSpread = await PerSiloAsync(management, "FanOutGrain");
        await management.ForceActivationCollection(TimeSpan.Zero);
        return new ClusterFigures(processes.Count, published.Succeeded, status?.Complete, delivery, shown, fanOut, fannedOut, deliveryCpu, completeCpu, fanOutCpu, stats,
            activationsAtComplete, await ActivationsAsync(management), cascadePeaks, fanOutPeaks, fanOutSpread, timeline, spotCheck, fanOutFailure);
    }

    /// <summary>
    /// Polls the root's summary every 50 ms until it counts every body received (what a supervisor sees), with a
    /// timeline line a second: the relays' depth and the journals' records summed over the silos.
    /// </summary>
    private async Task<TimeSpan?> WatchRootAsync(IGrainFactory grains, Stopwatch started, Func<bool> delivered, Func<Task<SiloStats>> stats, List<string> timeline)
    {
        var root = grains.GetGrain<IProgressGrain>(IProgressGrain.Key(rootId, BenchmarkPlan.Year));
        var nextLine = TimeSpan.Zero;
        while (started.Elapsed < watchLimit)
        {
            var counts = (await root.GetSummaryAsync()).Value?.Summary.Counts;
            var (seen, received) = (counts?.Bodies ?? 0, counts?[Domain.Progress.SummaryFigure.BodiesReceived] ?? 0);
            var complete = seen == bodyCount && received == bodyCount - 1;
            if (started.Elapsed >= nextLine || complete)
            {
                var at = started.Elapsed;
                var now = await stats();
                var line = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"  {at.TotalSeconds,6:F1} s  delivered {(delivered() ? "yes" : "no "),-3}  relays {now.RelayPending,6:N0}  journal records {now.JournalRecords,7:N0} in {now.JournalCommits,5:N0} commits  root bodies {seen,6:N0} received {received,6:N0}");
                timeline.Add(line);
                Console.Error.WriteLine(line);
                nextLine = at + TimeSpan.FromSeconds(1);
            }

            if (complete)
            {
                return started.Elapsed;
            }

            await Task.Delay(50);
        }

        return null;
    }

    private static async Task<string> ActivationsAsync(IManagementGrain management)
    {
        var stats = await management.GetSimpleGrainStatistics();
        return $"{Of("BodyGrain", stats):N0} body, {Of("ProgressGrain", stats):N0} progress (body activations per silo: {await PerSiloAsync(management, "BodyGrain")})";
    }

    /// <summary>Activations of a grain type on each active silo, ordered by silo address (the same order in every line).</summary>
    private static async Task<string> PerSiloAsync(IManagementGrain management, string type)
    {
        var stats = await management.GetSimpleGrainStatistics();
        var silos = (await management.GetHosts(onlyActive: true)).Keys.OrderBy(s => s.ToString(), StringComparer.Ordinal);
        return string.Join(" / ", silos.Select(silo => $"{Of(type, stats.Where(s => s.SiloAddress.Equals(silo))):N0}"));
    }

    private static long Of(string type, IEnumerable<SimpleGrainStatistic> stats) =>
        stats.Where(s => s.GrainType.Contains(type, StringComparison.Ordinal)).Sum(s => (long)s.ActivationCount);

    private string LastLeaf(string id)
    {
        var catalog = DivisionCatalog.China;
        var leaf = id;
        while (catalog.ChildrenOf(leaf, depth) is { Count: > 0 } children)
        {
            leaf = children[^1];
        }

        return leaf;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
