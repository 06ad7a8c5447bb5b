using GovOpenness.Abstractions;
using GovOpenness.Grains.Storage;
using GovOpenness.Grains.Storage.Journal;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Storage;

namespace GovOpenness.Grains.Hosting;

/// <summary>Wires the grains' storage and, on PostgreSQL, clustering and reminders.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>The name of Orleans' ADO.NET storage under the bounded "plans" storage (its options are named so).</summary>
    public const string InnerStorage = "plans-adonet";

    /// <summary>
    /// Grain storage "plans" through Orleans' ADO.NET provider on SQLite (default) or PostgreSQL, with
    /// the schema applied first and operations in flight capped.
    /// </summary>
    public static ISiloBuilder AddGovOpennessStorage(this ISiloBuilder silo, StorageSettings settings)
    {
        string invariant, connectionString;
        int maxWrites, maxReads;
        bool driverBlocks;
        if (settings.UsesPostgres)
        {
            DatabaseSchema.ApplyPostgres(settings.PostgresConnectionString!);
            (invariant, connectionString, maxWrites, maxReads, driverBlocks) = (DatabaseSchema.PostgresInvariant, settings.PostgresConnectionString!, 32, 64, false);
        }
        else
        {
            DatabaseSchema.ApplySqlite(settings.SqlitePath);

            // SQLite has one writer at a time and its driver blocks the calling thread: two writes in
            // flight keep the file busy without starving the silo's threads.
            (invariant, connectionString, maxWrites, maxReads, driverBlocks) = (DatabaseSchema.SqliteInvariant, DatabaseSchema.SqliteConnectionString(settings.SqlitePath), 2, 4, true);
        }

        silo.AddAdoNetGrainStorage(InnerStorage, options =>
        {
            options.Invariant = invariant;
            options.ConnectionString = connectionString;
            options.GrainStorageSerializer = new SystemTextJsonStateSerializer();
        });
        silo.Services.TryAddSingleton<StorageCounters>();
        silo.AddProgressJournal(settings);
        silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Plans, (services, _) => new BoundedGrainStorage(
            services.GetRequiredKeyedService<IGrainStorage>(InnerStorage), maxWrites, maxReads, services.GetRequiredService<StorageCounters>(), driverBlocks));
        return silo.AddGovOpennessGrains();
    }

    /// <summary>
    /// The progress journal (group commit of progress records) on the same database as grain storage,
    /// keyed by the cluster's ServiceId like the grain storage rows.
    /// </summary>
    private static void AddProgressJournal(this ISiloBuilder silo, StorageSettings settings)
    {
        silo.Services.TryAddSingleton<ProgressJournalCounters>();
        silo.Services.TryAddSingleton<IProgressJournalStore>(services =>
        {
            var serviceId = services.GetRequiredService<IOptions<Orleans.Configuration.ClusterOptions>>().Value.ServiceId;
            return settings.UsesPostgres
                ? new PostgresProgressJournalStore(settings.PostgresConnectionString!, serviceId)
                : new SqliteProgressJournalStore(settings.SqlitePath, serviceId);
        });
        silo.Services.TryAddSingleton<ProgressJournal>();

        // Accounts and the record (留痕) live in the same database, outside Orleans' storage.
        silo.Services.TryAddSingleton(services => new DatabaseConnections(new StorageSettings
        {
            DataDirectory = settings.DataDirectory,
            PostgresConnectionString = settings.PostgresConnectionString,
            ClusterId = settings.ClusterId,
            ServiceId = services.GetRequiredService<IOptions<Orleans.Configuration.ClusterOptions>>().Value.ServiceId,
        }));
        silo.Services.TryAddSingleton<Storage.Accounts.AccountStore>();
        silo.Services.TryAddSingleton<Storage.Audit.AuditReader>();
        silo.AddClusterResilience(settings);
    }

    /// <summary>The services the grains need, without storage (tests add their own).</summary>
    public static ISiloBuilder AddGovOpennessGrains(this ISiloBuilder silo)
    {
        silo.Services.AddOptions<HierarchyOptions>();
        silo.Services.TryAddSingleton<IBodyCatalog>(services => new ChinaBodyCatalog(services.GetRequiredService<IOptions<HierarchyOptions>>()));
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.TryAddSingleton(services => new ProgressClock(services.GetRequiredService<TimeProvider>()));
        silo.Services.TryAddSingleton(services => new ActivationEpochs(GrainClock.Of(services)));
        silo.Services.AddOptions<CascadeOptions>().ValidateOnStart();
        silo.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CascadeOptions>, CascadeOptionsValidation>());
        silo.Services.TryAddSingleton<SettleTracker>();
        silo.Services.TryAddSingleton<MilestoneRelay>();
        silo.Services.AddOptions<LiveOptions>().ValidateOnStart();
        silo.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LiveOptions>, LiveOptionsValidation>());
        silo.Services.TryAddSingleton<Live.LiveInterest>();
        silo.Services.TryAddSingleton<Live.LiveInterestSync>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(s => s.GetRequiredService<Live.LiveInterestSync>());
        silo.Services.TryAddSingleton<SiloShutdown>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(s => s.GetRequiredService<SiloShutdown>());

        // After a restart, publishers whose outbox was still open carry on where they stopped; a failed first
        // ask does not stop the silo from starting and is retried (OutboxResumption).
        silo.Services.TryAddSingleton<OutboxResumption>();
        silo.AddStartupTask((services, _) => services.GetRequiredService<OutboxResumption>().StartAsync());

        // A placement timeout (Polly's) crosses silos as itself (PlacementTimeoutOnTheWire).
        silo.Services.AllowPollyExceptions();
        return silo;
    }

    /// <summary>
    /// Clustering: on PostgreSQL, ADO.NET membership and reminders so several silos form one cluster;
    /// otherwise a single local silo with in-memory reminders.
    /// </summary>
    /// <param name="advertisedHost">The host name other silos reach this one by (e.g. a container name);
    /// null advertises the loopback address, for several processes on one machine.</param>
    public static ISiloBuilder UseGovOpennessClustering(this ISiloBuilder silo, StorageSettings settings, int siloPort, int gatewayPort, string? advertisedHost = null)
    {
        silo.Configure<Orleans.Configuration.ClusterOptions>(o =>
        {
            o.ClusterId = settings.ClusterId;
            o.ServiceId = settings.ServiceId;
        });
        if (!settings.UsesPostgres)
        {
            return silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: settings.ServiceId, clusterId: settings.ClusterId)
                .UseInMemoryReminderService();
        }

        if (string.IsNullOrWhiteSpace(advertisedHost))
        {
            silo.ConfigureEndpoints(System.Net.IPAddress.Loopback, siloPort, gatewayPort, listenOnAnyHostAddress: false);
        }
        else
        {
            silo.ConfigureEndpoints(advertisedHost, siloPort, gatewayPort, System.Net.Sockets.AddressFamily.InterNetwork, listenOnAnyHostAddress: true);
        }

        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = DatabaseSchema.PostgresInvariant;
            o.ConnectionString = settings.PostgresConnectionString;
        });
        return silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = DatabaseSchema.PostgresInvariant;
            o.ConnectionString = settings.PostgresConnectionString;
        });
    }
}
