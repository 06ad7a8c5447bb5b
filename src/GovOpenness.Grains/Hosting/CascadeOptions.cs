namespace GovOpenness.Grains.Hosting;

/// <summary>Tuning of plan delivery (configuration section "GovOpenness:Cascade").</summary>
public sealed class CascadeOptions
{
    public const string Section = "GovOpenness:Cascade";

    /// <summary>How often a body re-sends a version to children that have not acknowledged it.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a publisher flushes acknowledgements to its outbox (one write per batch).</summary>
    public TimeSpan AcknowledgementFlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Deliveries one body has in flight at once.</summary>
    public int MaxParallelDeliveries { get; set; } = 64;

    /// <summary>False holds every delivery in the outbox (tests use it to stop "mid-way").</summary>
    public bool DispatchEnabled { get; set; } = true;

    /// <summary>
    /// After a change, how long a progress grain waits before sending its coalesced summary delta to
    /// its parent (at most one delta per interval; a level adds at most this much to root freshness).
    /// </summary>
    public TimeSpan ProgressFlushInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How often an active progress grain checks whether the day changed (lights move with time).</summary>
    public TimeSpan ProgressDayCheckInterval { get; set; } = TimeSpan.FromMinutes(5);
}
