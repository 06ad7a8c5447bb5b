using System.Collections.Immutable;

namespace GovOpenness.Abstractions.Live;

/// <summary>
/// What viewers watch, as the live registry sends it to each silo: keys "{bodyId}/{year}"
/// (<see cref="IProgressGrain.Key"/>). A body's push is wanted when its own key or its parent's is here
/// (a viewer of a body also sees its direct children change).
/// </summary>
/// <param name="Epoch">When the registry's activation began (UTC ticks): a registry that restarted counts from a larger one.</param>
/// <param name="Version">Grows with every key the registry adds within its activation.</param>
/// <param name="Complete">
/// False while the registry may not yet know everything watched (it restarted, and hosts have not all
/// renewed since): a silo then only adds these keys and keeps everything else it pushes.
/// </param>
[GenerateSerializer, Immutable, Alias("gov.LiveInterestSnapshot")]
public sealed record LiveInterestSnapshot(
    [property: Id(0)] long Epoch,
    [property: Id(1)] long Version,
    [property: Id(2)] bool Complete,
    [property: Id(3)] ImmutableArray<string> Keys)
{
    /// <summary>True when this was taken at or after <paramref name="other"/>.</summary>
    public bool IsAtLeast((long Epoch, long Version) other) =>
        Epoch > other.Epoch || (Epoch == other.Epoch && Version >= other.Version);
}
