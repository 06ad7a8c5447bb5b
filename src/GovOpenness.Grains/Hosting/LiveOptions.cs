namespace GovOpenness.Grains.Hosting;

/// <summary>Tuning of the live push path (configuration section "GovOpenness:Live").</summary>
public sealed class LiveOptions
{
    public const string Section = "GovOpenness:Live";

    /// <summary>A body pushes its changed summary at most this often (the first change after a quiet spell goes at once).</summary>
    public TimeSpan PushInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How often a notifier activation forwards its coalesced batch to the hosts.</summary>
    public TimeSpan BatchInterval { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// How often each silo refreshes its copy of what viewers watch and where (<see cref="Live.LiveInterest"/>):
    /// the longest a silo that missed a newly watched body or a new host (it did not answer the registry in
    /// time) goes without it, and how soon a body nobody watches any more stops being pushed. One small
    /// call per silo every two seconds.
    /// </summary>
    public TimeSpan InterestRefreshInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long the registry waits for a silo to take a newly watched body or a new host before answering
    /// anyway (a silo that is dying); that silo gets it with its next refresh.
    /// </summary>
    public TimeSpan InterestBroadcastTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A host not renewed within this time is forgotten (its silo left), with what its viewers watched.</summary>
    public TimeSpan ObserverExpiry { get; set; } = TimeSpan.FromSeconds(60);
}
