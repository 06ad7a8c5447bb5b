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
        (string Setting, TimeSpan Value)[] intervals =
        [
            (nameof(LiveOptions.PushInterval), options.PushInterval),
            (nameof(LiveOptions.BatchInterval), options.BatchInterval),
            (nameof(LiveOptions.ObserverRefreshInterval), options.ObserverRefreshInterval),
            (nameof(LiveOptions.ObserverExpiry), options.ObserverExpiry),
            (nameof(LiveOptions.InterestRefreshInterval), options.InterestRefreshInterval),
            (nameof(LiveOptions.InterestBroadcastTimeout), options.InterestBroadcastTimeout),
        ];
        var wrong = intervals.Where(i => i.Value <= TimeSpan.Zero)
            .Select(i => $"{LiveOptions.Section}:{i.Setting} 须为正的时间间隔（如 00:00:15），现为 {i.Value}")
            .ToList();
        return wrong.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(wrong);
    }
}
