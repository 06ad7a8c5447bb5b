using System.Globalization;
using GovOpenness.Tools;

namespace GovOpenness.DeskBenchmark;

/// <summary>The measured reads by name, each with the managed heap's peak while it ran, and the printed table.</summary>
public sealed class Figures(DeskClient http, MemoryPeaks memory)
{
    private readonly Dictionary<string, List<(double Ms, long Managed)>> _reads = new(StringComparer.Ordinal);

    public long ManagedPeak { get; private set; }

    public async Task<(double Ms, SummaryFigures Counts)> ReadAsync(string name, string url)
    {
        memory.TakeManagedPeak();
        var read = await http.SummaryAsync(url);
        var managed = memory.TakeManagedPeak();
        ManagedPeak = Math.Max(ManagedPeak, managed);
        (_reads.TryGetValue(name, out var list) ? list : _reads[name] = []).Add((read.Ms, managed));
        return read;
    }

    public double Median(string name)
    {
        if (!_reads.TryGetValue(name, out var reads))
        {
            return double.NaN; // none counted (e.g. no cold read found the silo cold)
        }

        var sorted = reads.Select(r => r.Ms).Order().ToList();
        return sorted[(sorted.Count - 1) / 2];
    }

    /// <summary>One line per figure: its time, its ratio to its baseline, the managed peak of its reads.</summary>
    public void Print(IReadOnlyList<(string Name, double Ms, double Baseline)> rows, int coldRounds, int repeats)
    {
        Console.WriteLine($"{"figure",-26}{"time",12}{"ratio",10}{"managed peak",16}   (medians: cold of {coldRounds}, warm of {repeats}; ratio: cold to cold, warm to warm)");
        foreach (var (name, ms, baseline) in rows)
        {
            var managed = _reads.TryGetValue(name, out var reads) ? reads.Max(r => r.Managed) : 0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-26}{ms,9:N0} ms{ms / baseline,9:F2}×{MemoryPeaks.Mb(managed),16}"));
        }
    }
}
