using System.Globalization;
using GovOpenness.Grains;
using GovOpenness.Grains.Hosting;
using GovOpenness.Grains.Storage;
using GovOpenness.Grains.Storage.Journal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GovOpenness.CascadeBenchmark;

/// <summary>
/// One silo of the PostgreSQL cluster (<c>--postgres</c>), run as its own process by
/// <see cref="ClusterSiloProcess"/>: the project's own wiring (ADO.NET clustering and reminders,
/// grain storage and progress journal on the run's database, the project's SQL schema). It prints
/// "ready" once it is an active member, answers "stats" on its standard input with its counters,
/// and stops when its standard input closes (so it never outlives the benchmark that started it).
/// </summary>
internal static class ClusterSilo
{
    public const string Flag = "--cluster-silo";

    public const string ReadyLine = "ready";

    public const string StatsPrefix = "stats ";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new ConfigurationBuilder().AddCommandLine(args.Where(a => a != Flag).ToArray()).Build();
        var settings = new StorageSettings
        {
            DataDirectory = Path.GetTempPath(),
            PostgresConnectionString = Environment.GetEnvironmentVariable("GOVOPENNESS_TEST_POSTGRES"),
            ServiceId = options["service-id"]!,
            ClusterId = options["service-id"]!,
        };
        using var host = Host.CreateDefaultBuilder()
            .ConfigureAppConfiguration(c => c.AddConfiguration(options))
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .UseOrleans((context, silo) =>
            {
                silo.UseGovOpennessClustering(settings, options.GetValue<int>("silo-port"), options.GetValue<int>("gateway-port"));
                silo.AddGovOpennessStorage(settings);
                silo.Services.Configure<HierarchyOptions>(context.Configuration.GetSection(HierarchyOptions.Section));

                // As in the one-silo run: waiting for a whole delivery is one call, longer than the default 30 s.
                // Orleans gives up placing or activating a grain after 30 s by default: the empty fan-out's burst of
                // 665,268 activations on a starved 2-core cluster outlasts that (README.md), so the silos wait as
                // long as for the calls; --placement-timeout 30 keeps Orleans' defaults.
                var placement = TimeSpan.FromSeconds(options.GetValue("placement-timeout", 600.0));
                silo.Configure<Orleans.Configuration.SiloMessagingOptions>(o =>
                {
                    o.ResponseTimeout = o.SystemResponseTimeout = TimeSpan.FromMinutes(10);
                    o.PlacementTimeout = placement;
                });
                silo.Configure<Orleans.Configuration.GrainCollectionOptions>(o => o.ActivationTimeout = placement);
                silo.Services.Configure<CascadeOptions>(o => o.RetryInterval = TimeSpan.FromSeconds(double.Parse(Environment.GetEnvironmentVariable("BENCH_RETRY") ?? "10", CultureInfo.InvariantCulture)));
            })
            .Build();
        await host.StartAsync();
        var storage = host.Services.GetRequiredService<StorageCounters>();
        var journal = host.Services.GetRequiredService<ProgressJournalCounters>();
        var relay = host.Services.GetRequiredService<MilestoneRelay>();
        Console.WriteLine(ReadyLine);
        while (await Console.In.ReadLineAsync() is { } line)
        {
            if (line == "stats")
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{StatsPrefix}{storage.Writes} {storage.Reads} {journal.Records} {journal.Commits} {relay.Pending}"));
            }
        }

        // The benchmark has its figures: the run's database is dropped next, so a stop that drains is a courtesy.
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.StopAsync(stopping.Token);
        return 0;
    }
}
