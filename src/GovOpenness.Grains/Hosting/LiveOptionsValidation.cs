namespace GovOpenness.Grains.Hosting;

/// <summary>The silo's live intervals must be positive: a zero expiry, for one, would forget every host at once.</summary>
public sealed class LiveOptionsValidation() : PositiveIntervalsValidation<LiveOptions>(LiveOptions.Section, "00:00:15")
{
    protected override IEnumerable<(string Setting, TimeSpan Value)> Intervals(LiveOptions options) =>
    [
        (nameof(LiveOptions.PushInterval), options.PushInterval),
        (nameof(LiveOptions.BatchInterval), options.BatchInterval),
        (nameof(LiveOptions.ObserverExpiry), options.ObserverExpiry),
        (nameof(LiveOptions.InterestRefreshInterval), options.InterestRefreshInterval),
        (nameof(LiveOptions.InterestBroadcastTimeout), options.InterestBroadcastTimeout),
    ];
}
