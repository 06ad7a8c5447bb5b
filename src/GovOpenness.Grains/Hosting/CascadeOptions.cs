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

    /// <summary>How often a progress grain sends its coalesced summary delta to its parent.</summary>
    public TimeSpan ProgressFlushInterval { get; set; } = TimeSpan.FromSeconds(1);
}
