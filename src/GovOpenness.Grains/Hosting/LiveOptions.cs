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

    /// <summary>
    /// How often each silo refreshes its copy of what viewers watch (<see cref="Live.LiveInterest"/>): the
    /// longest a silo that missed a newly watched body (it did not answer the registry in time, e.g. just
    /// after joining) goes without pushing it, and how soon a body nobody watches any more stops being
    /// pushed. One small call per silo every two seconds.
    /// </summary>
    public TimeSpan InterestRefreshInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a silo waits for another silo to take a newly watched body before answering the viewer
    /// anyway (a silo that is dying); that silo gets it with its next refresh.
    /// </summary>
    public TimeSpan InterestBroadcastTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A host not renewed within this time is forgotten (its silo left), with what its viewers watched.</summary>
    public TimeSpan ObserverExpiry { get; set; } = TimeSpan.FromSeconds(60);
}
