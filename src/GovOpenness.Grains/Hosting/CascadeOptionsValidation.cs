namespace GovOpenness.Grains.Hosting;

/// <summary>
/// The cascade's intervals must be positive, and the progress flush interval must stay positive at every
/// level it is divided for.
/// </summary>
public sealed class CascadeOptionsValidation() : PositiveIntervalsValidation<CascadeOptions>(CascadeOptions.Section, "00:00:00.1")
{
    protected override IEnumerable<(string Setting, TimeSpan Value)> Intervals(CascadeOptions options) =>
    [
        (nameof(CascadeOptions.RetryInterval), options.RetryInterval),
        (nameof(CascadeOptions.AcknowledgementFlushInterval), options.AcknowledgementFlushInterval),
        (nameof(CascadeOptions.OutboxResumeInterval), options.OutboxResumeInterval),
        (nameof(CascadeOptions.ProgressFlushInterval), options.ProgressFlushInterval),
        (nameof(CascadeOptions.ProgressDayCheckInterval), options.ProgressDayCheckInterval),
    ];

    protected override IEnumerable<string> OtherProblems(CascadeOptions options)
    {
        // Prefectures and above flush at a quarter of it (ProgressFlushIntervalAt), rounded to whole ticks: a
        // positive value of a tick or two would make theirs zero.
        var quarter = options.ProgressFlushIntervalAt(Domain.Hierarchy.BodyLevel.Province);
        if (options.ProgressFlushInterval > TimeSpan.Zero && quarter <= TimeSpan.Zero)
        {
            yield return $"{CascadeOptions.Section}:{nameof(CascadeOptions.ProgressFlushInterval)} 过短：地市及以上按其四分之一汇总，四分之一不能为零，现为 {options.ProgressFlushInterval}";
        }
    }
}
