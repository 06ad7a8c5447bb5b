using System.Globalization;

namespace GovOpenness.ProgressBenchmark;

/// <summary>
/// The process's CPU time by kind of thread, from /proc/self/task (Linux): the garbage collector's threads,
/// the journal's writer and everything else (the thread pool running grains). Where an update's CPU goes,
/// without a profiler and robust to the machine's load; empty where /proc is not there.
/// </summary>
internal static class ThreadCpu
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>CPU seconds per thread group: "gc", "journal" and "other".</summary>
    public static Dictionary<string, double> Sample()
    {
        var groups = new Dictionary<string, double>(StringComparer.Ordinal) { ["gc"] = 0, ["journal"] = 0, ["other"] = 0 };
        if (!Directory.Exists("/proc/self/task"))
        {
            return groups;
        }

        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var name = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var seconds = (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
                var group = name.Contains("GC", StringComparison.Ordinal) ? "gc" : name.StartsWith("progress-journa", StringComparison.Ordinal) ? "journal" : "other";
                groups[group] += seconds;
            }
            catch (IOException)
            {
                // The thread ended between the listing and the read: its time is gone from both samples alike.
            }
        }

        return groups;
    }
}
