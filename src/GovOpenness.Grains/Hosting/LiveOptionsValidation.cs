using Microsoft.Extensions.Options;

namespace GovOpenness.Grains.Hosting;

/// <summary>
/// Refuses, at start, a live interval that is zero or negative, naming the setting: a zero refresh or push
/// interval turns a loop or a throttle into a busy loop, a zero expiry forgets every host at once.
/// </summary>
public sealed class LiveOptionsValidation : IValidateOptions<LiveOptions>
{
    public ValidateOptionsResult Validate(string? name, LiveOptions options)
    {
        var wrong = PositiveIntervals.Problems(LiveOptions.Section, "00:00:15",
            (nameof(LiveOptions.PushInterval), options.PushInterval),
            (nameof(LiveOptions.BatchInterval), options.BatchInterval),
            (nameof(LiveOptions.ObserverExpiry), options.ObserverExpiry),
            (nameof(LiveOptions.InterestRefreshInterval), options.InterestRefreshInterval),
            (nameof(LiveOptions.InterestBroadcastTimeout), options.InterestBroadcastTimeout));
        return wrong.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(wrong);
    }
}
