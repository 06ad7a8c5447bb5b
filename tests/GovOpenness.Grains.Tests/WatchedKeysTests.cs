using GovOpenness.Grains.Live;

namespace GovOpenness.Grains.Tests;

/// <summary>The live registry's bookkeeping of what each host's viewers watch.</summary>
public sealed class WatchedKeysTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_key_is_new_to_the_cluster_once_and_stays_watched_while_any_host_watches_it()
    {
        var watched = new WatchedKeys();
        Assert.Equal(["14/2022"], watched.Watch("a", ["14/2022", "14/2022"], 1, Now));
        Assert.Empty(watched.Watch("b", ["14/2022"], 1, Now));
        Assert.Empty(watched.Watch("a", ["14/2022"], 2, Now));

        watched.Forget("a");
        Assert.Equal(["14/2022"], watched.Keys);
        watched.Forget("b");
        Assert.Empty(watched.Keys);
    }

    [Fact]
    public void A_renewal_drops_what_the_host_no_longer_lists_but_keeps_a_key_watched_by_a_later_call_that_overtook_it()
    {
        var watched = new WatchedKeys();
        watched.Watch("a", ["11/2022"], 1, Now);
        watched.Watch("a", ["14/2022"], 2, Now);

        // The renewal was taken at sequence 3 (when the host's viewers watched 11 only); the watch of 31 (4)
        // was sent after it but arrived first.
        watched.Watch("a", ["31/2022"], 4, Now);
        Assert.Equal(["44/2022"], watched.Replace("a", ["11/2022", "44/2022"], 3, Now));

        Assert.Equal(["11/2022", "31/2022", "44/2022"], watched.Keys.Order());
    }

    [Fact]
    public void A_host_not_heard_from_within_the_expiry_is_forgotten_with_what_it_watched()
    {
        var watched = new WatchedKeys();
        watched.Watch("gone", ["11/2022"], 1, Now);
        watched.Watch("alive", ["14/2022"], 1, Now);
        watched.Seen("alive", Now.AddSeconds(50));

        watched.ForgetHostsNotSeenSince(Now.AddSeconds(10));

        Assert.Equal(["14/2022"], watched.Keys);
    }
}
