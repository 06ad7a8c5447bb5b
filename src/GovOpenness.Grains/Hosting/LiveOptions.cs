namespace GovOpenness.Grains.Hosting;

/// <summary>Tuning of the live push path (configuration section "GovOpenness:Live").</summary>
public sealed class LiveOptions
{
    public const string Section = "GovOpenness:Live";

    /// <summary>A body pushes its changed summary at most this often (the first change after a quiet spell goes at once).</summary>
    public TimeSpan PushInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How often a notifier activation forwards its coalesced batch to the hosts.</summary>
    public TimeSpan BatchInterval { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>How long a notifier trusts its cached list of hosts before asking the registry again.</summary>
    public TimeSpan ObserverRefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A host not renewed within this time is forgotten (its silo left).</summary>
    public TimeSpan ObserverExpiry { get; set; } = TimeSpan.FromSeconds(60);
}
