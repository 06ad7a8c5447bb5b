namespace GovOpenness.Server.Live;

/// <summary>The host side of the live push (configuration section "GovOpenness:Live", beside the grains' LiveOptions).</summary>
public sealed class LiveHubOptions
{
    public const string Section = "GovOpenness:Live";

    /// <summary>A group is sent at most one batch per interval; what arrives meanwhile is coalesced (latest per body).</summary>
    public TimeSpan GroupSendInterval { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>
    /// How often this host confirms its observer with the registry: a registry that moved (a silo joined or
    /// left) or restarted learns this host, and what its viewers watch, within this time. One small call.
    /// </summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often this host re-sends everything its viewers watch (well within the registry's expiry).</summary>
    public TimeSpan RenewInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Bytes SignalR buffers per connection and direction before it applies backpressure
    /// (<c>HttpConnectionDispatcherOptions.TransportMaxBufferSize</c> and <c>ApplicationMaxBufferSize</c>);
    /// unset keeps SignalR's 64 KB. Tests set it small so a viewer that stops reading stalls quickly.
    /// </summary>
    public long? ConnectionBufferSize { get; set; }
}
