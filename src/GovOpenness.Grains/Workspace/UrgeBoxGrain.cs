using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Workspace;
using GovOpenness.Grains.Hosting;

namespace GovOpenness.Grains.Workspace;

/// <summary>
/// The urges (催办) one body received. One small grain per urged body, so urging all of a county's
/// townships spreads over as many grains; the urging body keeps nothing (its record is the audit chain).
/// </summary>
[GrainType("urge-box")]
public sealed class UrgeBoxGrain(
    [PersistentState("urge-box", StorageNames.Plans)] IPersistentState<UrgeBoxState> box) : Grain, IUrgeBoxGrain
{
    /// <summary>The most urges kept per body: the inbox shows the recent ones, the record keeps all.</summary>
    public const int Kept = 50;

    public async Task ReceiveAsync(UrgeNote urge)
    {
        if (box.State.Urges.Any(u => u.Id == urge.Id))
        {
            return;
        }

        box.State.Urges.Add(urge);
        if (box.State.Urges.Count > Kept)
        {
            box.State.Urges.RemoveRange(0, box.State.Urges.Count - Kept);
        }

        await box.WriteStateAsync();
    }

    public Task<IReadOnlyList<UrgeNote>> ListAsync() => Task.FromResult<IReadOnlyList<UrgeNote>>([.. box.State.Urges]);
}
