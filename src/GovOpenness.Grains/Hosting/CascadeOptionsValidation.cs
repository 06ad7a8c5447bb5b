using Microsoft.Extensions.Options;

namespace GovOpenness.Grains.Hosting;

/// <summary>
/// Refuses, at start, a cascade interval that is zero or negative, naming the setting: a negative wait
/// fails every grain timer that is armed with it (an exception inside each grain, far from the setting),
/// and a zero one turns a throttle into a loop. The progress flush interval must stay positive at every
/// level it is divided for.
/// </summary>
public sealed class CascadeOptionsValidation : IValidateOptions<CascadeOptions>
{
    public ValidateOptionsResult Validate(string? name, CascadeOptions options)
    {
        var wrong = PositiveIntervals.Problems(CascadeOptions.Section, "00:00:00.1",
            (nameof(CascadeOptions.RetryInterval), options.RetryInterval),
            (nameof(CascadeOptions.AcknowledgementFlushInterval), options.AcknowledgementFlushInterval),
            (nameof(CascadeOptions.OutboxResumeInterval), options.OutboxResumeInterval),
            (nameof(CascadeOptions.ProgressFlushInterval), options.ProgressFlushInterval),
            (nameof(CascadeOptions.ProgressDayCheckInterval), options.ProgressDayCheckInterval));

        // Prefectures and above flush at a quarter of it (ProgressFlushIntervalAt), rounded to whole ticks: a
        // positive value of a tick or two would make theirs zero.
        var quarter = options.ProgressFlushIntervalAt(Domain.Hierarchy.BodyLevel.Province);
        if (options.ProgressFlushInterval > TimeSpan.Zero && quarter <= TimeSpan.Zero)
        {
            wrong.Add($"{CascadeOptions.Section}:{nameof(CascadeOptions.ProgressFlushInterval)} 过短：地市及以上按其四分之一汇总，四分之一不能为零，现为 {options.ProgressFlushInterval}");
        }
        return wrong.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(wrong);
    }
}
