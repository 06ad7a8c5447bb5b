using Microsoft.Extensions.Options;

namespace GovOpenness.Grains.Hosting;

/// <summary>
/// Refuses, at start, options whose interval settings are zero or negative, naming each as configuration
/// spells it ("{section}:{setting}"): a zero interval turns a loop or a throttle into a busy loop, and a
/// negative one fails every timer armed with it, far from the setting. A subclass lists its intervals, and
/// may add problems of its own.
/// </summary>
public abstract class PositiveIntervalsValidation<TOptions>(string section, string example) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var wrong = Intervals(options)
            .Where(i => i.Value <= TimeSpan.Zero)
            .Select(i => $"{section}:{i.Setting} 须为正的时间间隔（如 {example}），现为 {i.Value}")
            .Concat(OtherProblems(options))
            .ToList();
        return wrong.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(wrong);
    }

    /// <summary>Every interval setting, by its property name.</summary>
    protected abstract IEnumerable<(string Setting, TimeSpan Value)> Intervals(TOptions options);

    /// <summary>Problems beyond a non-positive interval (none by default).</summary>
    protected virtual IEnumerable<string> OtherProblems(TOptions options) => [];
}
