using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Live;
using GovOpenness.Abstractions.Workspace;
using GovOpenness.Grains.Hosting;

namespace GovOpenness.Grains.Workspace;

/// <summary>
/// The urges (催办) one body received. One small grain per urged body, so urging all of a county's
/// townships spreads over as many grains; the urging body keeps nothing (its record is the audit chain).
/// Once an urge is stored, the body's viewers are told (one-way, through the silo's live notifier), so
/// their 待办 shows it without a reload; a viewer that misses the notice still reads it from the box.
/// </summary>
[GrainType("urge-box")]
public sealed class UrgeBoxGrain(
    [PersistentState("urge-box", StorageNames.Plans)] IPersistentState<UrgeBoxState> box, TimeProvider time) : Grain, IUrgeBoxGrain
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
        await GrainFactory.GetGrain<ILiveNotifierGrain>(0).PublishInboxAsync(new InboxPush(this.GetPrimaryKeyString(), InboxPush.Urge, time.GetUtcNow()));
    }

    public Task<IReadOnlyList<UrgeNote>> ListAsync() => Task.FromResult<IReadOnlyList<UrgeNote>>([.. box.State.Urges]);
}
