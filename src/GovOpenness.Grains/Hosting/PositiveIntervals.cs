namespace GovOpenness.Grains.Hosting;

/// <summary>The message for each interval setting that is zero or negative, naming it as configuration spells it.</summary>
public static class PositiveIntervals
{
    public static List<string> Problems(string section, string example, params (string Setting, TimeSpan Value)[] intervals) =>
        [.. intervals.Where(i => i.Value <= TimeSpan.Zero).Select(i => $"{section}:{i.Setting} 须为正的时间间隔（如 {example}），现为 {i.Value}")];
}
