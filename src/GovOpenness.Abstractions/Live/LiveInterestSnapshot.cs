using System.Collections.Immutable;

namespace GovOpenness.Abstractions.Live;

/// <summary>
/// What viewers watch and where they listen, as the live registry sends it to each silo: keys
/// "{bodyId}/{year}" (<see cref="IProgressGrain.Key"/>) and the hosts whose viewers get the pushes. A
/// body's push is wanted when its own key or its parent's is here (a viewer of a body also sees its
/// direct children change); each silo's notifiers send it to these hosts.
/// </summary>
/// <param name="Epoch">Names the registry's activation (when it began, UTC ticks): versions compare only within one.</param>
/// <param name="Version">Grows with every key or host the registry adds within its activation.</param>
/// <param name="Complete">
/// False while the registry may not yet know everything (it may have taken over from an activation that
/// died or moved, and not every host has renewed since): a silo then only adds, and keeps the rest.
/// </param>
/// <param name="Hosts">The hosts listening (all of them, or those newly added).</param>
[GenerateSerializer, Immutable, Alias("gov.LiveInterestSnapshot")]
public sealed record LiveInterestSnapshot(
    [property: Id(0)] long Epoch,
    [property: Id(1)] long Version,
    [property: Id(2)] bool Complete,
    [property: Id(3)] ImmutableArray<string> Keys,
    [property: Id(4)] ImmutableArray<LiveHost> Hosts)
{
    /// <summary>Keys only (no host), e.g. a newly watched body.</summary>
    public LiveInterestSnapshot(long Epoch, long Version, bool Complete, ImmutableArray<string> Keys)
        : this(Epoch, Version, Complete, Keys, [])
    {
    }
}

/// <summary>A web host listening for pushed summaries, by the id it registered under.</summary>
[GenerateSerializer, Immutable, Alias("gov.LiveHost")]
public sealed record LiveHost([property: Id(0)] string HostId, [property: Id(1)] ISummaryObserver Observer);
