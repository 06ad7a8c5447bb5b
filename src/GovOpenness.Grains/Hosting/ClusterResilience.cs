using GovOpenness.Grains.Storage;
using GovOpenness.Grains.Storage.Milestones;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GovOpenness.Grains.Hosting;

/// <summary>What makes a cluster lose nothing (issue 11): durable milestone notes, anti-entropy after membership changes, a drain on shutdown.</summary>
public static class ClusterResilience
{
    public static ISiloBuilder AddClusterResilience(this ISiloBuilder silo, StorageSettings settings)
    {
        silo.Services.TryAddSingleton<IMilestoneNoteStore>(services =>
        {
            var serviceId = services.GetRequiredService<IOptions<Orleans.Configuration.ClusterOptions>>().Value.ServiceId;
            return settings.UsesPostgres
                ? new PostgresMilestoneNoteStore(settings.PostgresConnectionString!, serviceId)
                : new SqliteMilestoneNoteStore(settings.SqlitePath, serviceId);
        });
        silo.Services.TryAddSingleton<ProgressReconciler>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(s => s.GetRequiredService<ProgressReconciler>());
        silo.Services.TryAddSingleton<GracefulDrain>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(s => s.GetRequiredService<GracefulDrain>());
        silo.Services.TryAddSingleton<GovOpennessMetrics>();
        return silo;
    }
}
