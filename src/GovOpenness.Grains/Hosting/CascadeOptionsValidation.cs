using Microsoft.Extensions.Options;

namespace GovOpenness.Grains.Hosting;

/// <summary>
/// Refuses, at start, a cascade interval that is zero or negative, naming the setting: a negative wait
/// fails every grain timer that is armed with it (an exception inside each grain, far from the setting),
/// and a zero one turns a throttle into a loop.
/// </summary>
public sealed class CascadeOptionsValidation : IValidateOptions<CascadeOptions>
{
    public ValidateOptionsResult Validate(string? name, CascadeOptions options)
    {
        (string Setting, TimeSpan Value)[] intervals =
        [
            (nameof(CascadeOptions.RetryInterval), options.RetryInterval),
            (nameof(CascadeOptions.AcknowledgementFlushInterval), options.AcknowledgementFlushInterval),
            (nameof(CascadeOptions.OutboxResumeInterval), options.OutboxResumeInterval),
            (nameof(CascadeOptions.ProgressFlushInterval), options.ProgressFlushInterval),
            (nameof(CascadeOptions.ProgressDayCheckInterval), options.ProgressDayCheckInterval),
        ];
        var wrong = intervals.Where(i => i.Value <= TimeSpan.Zero)
            .Select(i => $"{CascadeOptions.Section}:{i.Setting} 须为正的时间间隔（如 00:00:00.1），现为 {i.Value}")
            .ToList();
        return wrong.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(wrong);
    }
}
