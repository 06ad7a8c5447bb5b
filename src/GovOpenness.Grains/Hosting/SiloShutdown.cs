using Orleans.Runtime;

namespace GovOpenness.Grains.Hosting;

/// <summary>
/// Whether this silo has begun a graceful stop, and whether a message could still go anywhere. Once a
/// silo stops it is no longer active, so Orleans can place no new activation on it: a progress grain's
/// push to the live notifier (a stateless worker, always local) and, on a silo left alone, a flush to a
/// parent no longer active here fail in placement, and each failure logged several errors on every stop
/// (dozens per benchmark run). Progress grains ask here and stay quiet instead; what they did not send is
/// what the next activation rebuilds from the journal and the reconciler resends (Grains README,
/// "Convergence after faults").
/// </summary>
public sealed class SiloShutdown(IClusterMembershipService membership, ILocalSiloDetails localSilo) : ILifecycleParticipant<ISiloLifecycle>
{
    private volatile bool _stopping;

    /// <summary>The silo has begun to stop (its last lifecycle stage stopped first, before membership says it is leaving).</summary>
    public bool IsStopping => _stopping;

    /// <summary>
    /// Stopping, and no other silo is active: a grain not active here cannot be placed anywhere. With
    /// another silo active a flush still goes up (its parent is placed there), as before.
    /// </summary>
    public bool IsStoppingAlone => _stopping && !membership.CurrentSnapshot.Members.Values.Any(
        m => m.Status == SiloStatus.Active && !m.SiloAddress.Equals(localSilo.SiloAddress));

    public void Participate(ISiloLifecycle lifecycle) => lifecycle.Subscribe(
        nameof(SiloShutdown),
        ServiceLifecycleStage.Active,
        _ => Task.CompletedTask,
        _ =>
        {
            _stopping = true;
            return Task.CompletedTask;
        });
}
