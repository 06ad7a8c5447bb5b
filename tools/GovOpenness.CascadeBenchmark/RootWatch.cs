using System.Diagnostics;
using System.Globalization;
using GovOpenness.Abstractions;
using GovOpenness.Domain.Hierarchy;
using GovOpenness.Grains;
using GovOpenness.Grains.Storage.Journal;

namespace GovOpenness.CascadeBenchmark;

/// <summary>
/// Watches the root's summary while a cascade runs, until it counts every body received: what a
/// supervisor sees. Polls the root every 50 ms (a benchmark may; a test waits on signals) and keeps a
/// timeline of the pipeline behind it (relay depth, journal records) to show where the time goes.
/// </summary>
internal sealed class RootWatch(IGrainFactory grains, MilestoneRelay relay, ProgressJournalCounters journal, string rootId, int year, int bodies)
{
    private readonly List<string> _timeline = [];

    /// <summary>The timeline, one line per second (and the last sample).</summary>
    public IReadOnlyList<string> Timeline => _timeline;

    /// <summary>Elapsed time of <paramref name="started"/> when the root counted every body received, null when <paramref name="limit"/> passed first.</summary>
    public async Task<TimeSpan?> WaitCompleteAsync(Stopwatch started, TimeSpan limit, Func<bool> delivered)
    {
        var root = grains.GetGrain<IProgressGrain>(IProgressGrain.Key(rootId, year));
        var nextLine = TimeSpan.Zero;
        while (started.Elapsed < limit)
        {
            var view = await root.GetSummaryAsync();
            var counts = view.Value?.Summary.Counts;
            var (seen, received) = (counts?.Bodies ?? 0, counts?[Domain.Progress.SummaryFigure.BodiesReceived] ?? 0);
            var complete = seen == bodies && received == bodies - 1;
            if (started.Elapsed >= nextLine || complete)
            {
                Log(string.Create(CultureInfo.InvariantCulture,
                    $"  {started.Elapsed.TotalSeconds,6:F1} s  delivered {(delivered() ? "yes" : "no "),-3}  relay {relay.Pending,6:N0}  journal records {journal.Records,7:N0} in {journal.Commits,5:N0} commits  root bodies {seen,6:N0} received {received,6:N0}"));
                nextLine += TimeSpan.FromSeconds(1);
            }

            if (complete)
            {
                return started.Elapsed;
            }

            await Task.Delay(50);
        }

        return null;
    }

    // Printed as it goes too, so a run that fails still shows how far the root got.
    private void Log(string line)
    {
        _timeline.Add(line);
        Console.Error.WriteLine(line);
    }
}
