using System.Collections.Concurrent;
using GovOpenness.Grains.Hosting;
using GovOpenness.Grains.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace GovOpenness.Grains.Tests;

/// <summary>
/// An in-process cluster of two silos on a SQLite file in a temp folder (real storage, so silos can be
/// stopped and state read back). Shared by every test in the collection; tests use unique keys.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "govopenness-grains-" + Guid.NewGuid().ToString("N"));

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>
    /// The clock of every in-process silo: mid-October 2022 (Beijing), so a year's items are a mix of
    /// overdue, due soon and not yet due. Tests that need "today" read it here.
    /// </summary>
    public static FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2022, 10, 14, 2, 0, 0, TimeSpan.Zero));

    /// <summary>Clocks of clusters started with their own (a test that moves time must not move everyone's).</summary>
    private static readonly ConcurrentDictionary<string, FakeTimeProvider> OwnClocks = new();

    public async Task InitializeAsync() => Cluster = await StartAsync(DataDirectory, dispatch: true);

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        Directory.Delete(DataDirectory, recursive: true);
    }

    /// <summary>Starts a cluster on the given data folder; dispatch=false keeps deliveries in the outbox.</summary>
    /// <param name="grainClock">The clock grain timers run on (Orleans' <see cref="Orleans.Runtime.TimeProviderNames.Grains"/>):
    /// a test moves it to fire the flush, push and notifier timers; membership and messaging keep real time.</param>
    /// <param name="timerInterval">The progress flush, acknowledgement flush, push and notifier batch intervals, when not the defaults.</param>
    public static async Task<TestCluster> StartAsync(string dataDirectory, bool dispatch, short silos = 2, FakeTimeProvider? clock = null, string depth = "township", FakeTimeProvider? grainClock = null, TimeSpan? timerInterval = null)
    {
        var clockName = clock is null ? "" : Guid.NewGuid().ToString("N");
        if (clock is not null)
        {
            OwnClocks[clockName] = clock;
        }

        var grainClockName = grainClock is null ? "" : Guid.NewGuid().ToString("N");
        if (grainClock is not null)
        {
            OwnClocks[grainClockName] = grainClock;
        }

        var builder = new TestClusterBuilder(silos);

        // Stored rows are keyed by ServiceId: a restarted cluster must keep the same one to read them back.
        builder.Options.ServiceId = "govopenness-tests";
        builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GovOpenness:DataDirectory"] = dataDirectory,
            ["GovOpenness:Cascade:DispatchEnabled"] = dispatch.ToString(),
            ["GovOpenness:Tests:Clock"] = clockName,
            ["GovOpenness:Tests:GrainClock"] = grainClockName,
            ["GovOpenness:Tests:TimerInterval"] = timerInterval?.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            ["GovOpenness:Hierarchy:Depth"] = depth,
        }));
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var configuration = siloBuilder.Configuration;
            var clockName = configuration["GovOpenness:Tests:Clock"];
            siloBuilder.Services.AddSingleton(new ProgressClock(string.IsNullOrEmpty(clockName) ? Clock : OwnClocks[clockName]));
            if (configuration["GovOpenness:Tests:GrainClock"] is { Length: > 0 } grainClockName)
            {
                siloBuilder.Services.AddKeyedSingleton<TimeProvider>(Orleans.Runtime.TimeProviderNames.Grains, OwnClocks[grainClockName]);
            }
            siloBuilder.AddGovOpennessStorage(new StorageSettings { DataDirectory = configuration["GovOpenness:DataDirectory"]! });

            // The plans storage as registered, wrapped so a test can make one write fail (StorageFaults).
            var plans = siloBuilder.Services.Last(d => d.IsKeyedService && Equals(d.ServiceKey, StorageNames.Plans) && d.ServiceType == typeof(Orleans.Storage.IGrainStorage));
            siloBuilder.Services.AddKeyedSingleton<Orleans.Storage.IGrainStorage>(StorageNames.Plans, (services, key) =>
                new StorageFaults((Orleans.Storage.IGrainStorage)plans.KeyedImplementationFactory!(services, key)));
            siloBuilder.Services.Configure<HierarchyOptions>(configuration.GetSection(HierarchyOptions.Section));
            siloBuilder.Services.Configure<CascadeOptions>(options =>
            {
                options.RetryInterval = TimeSpan.FromSeconds(1);
                options.AcknowledgementFlushInterval = TimeSpan.FromMilliseconds(200);
                options.ProgressDayCheckInterval = TimeSpan.FromMilliseconds(200);
                options.DispatchEnabled = bool.Parse(configuration["GovOpenness:Cascade:DispatchEnabled"] ?? "true");
            });
            if (configuration["GovOpenness:Tests:TimerInterval"] is { Length: > 0 } interval)
            {
                var every = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture);
                siloBuilder.Services.Configure<CascadeOptions>(options => (options.ProgressFlushInterval, options.AcknowledgementFlushInterval) = (every, every));
                siloBuilder.Services.Configure<LiveOptions>(options => (options.PushInterval, options.BatchInterval) = (every, every));
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
