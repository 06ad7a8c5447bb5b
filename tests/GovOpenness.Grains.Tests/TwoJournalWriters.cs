using GovOpenness.Grains.Storage.Journal;
using Microsoft.Extensions.Logging.Abstractions;

namespace GovOpenness.Grains.Tests;

/// <summary>
/// Two writers of one progress record, as two silos' journals each holding an activation of the same
/// grain: every round both read the record, then both append a step to what they read. A writer whose
/// write is refused as stale does what the grain does (deactivate, so the retry reads again): it
/// reloads and retries. Shared by the SQLite and PostgreSQL tests.
/// </summary>
public static class TwoJournalWriters
{
    public sealed record Outcome(int Acknowledged, IReadOnlyList<string> Lost, int StaleRefusals);

    public static async Task<Outcome> RunAsync(IProgressJournalStore first, IProgressJournalStore second, int rounds)
    {
        const string key = "141181001/2022";
        await using var a = new ProgressJournal(first, new ProgressJournalCounters(), NullLogger<ProgressJournal>.Instance);
        await using var b = new ProgressJournal(second, new ProgressJournalCounters(), NullLogger<ProgressJournal>.Instance);
        var acknowledged = new List<string>();
        var stale = 0;
        for (var round = 0; round < rounds; round++)
        {
            // Both activations read the same version, then both write: the situation of issue 11.
            var seenA = await a.LoadRecordAsync(key);
            var seenB = await b.LoadRecordAsync(key);
            var steps = await Task.WhenAll(
                WriteAsync(a, key, seenA, $"a{round}"),
                WriteAsync(b, key, seenB, $"b{round}"));
            foreach (var (step, refusals) in steps)
            {
                acknowledged.Add(step);
                stale += refusals;
            }
        }

        var stored = (await a.LoadAsync(key) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        return new Outcome(acknowledged.Count, [.. acknowledged.Where(s => !stored.Contains(s))], stale);
    }

    private static async Task<(string Step, int Refusals)> WriteAsync(ProgressJournal journal, string key, StoredRecord? seen, string step)
    {
        for (var refusals = 0; ; refusals++)
        {
            try
            {
                await journal.AppendAsync(key, (seen?.Payload ?? "") + step + ";", seen?.Version ?? 0);
                return (step, refusals);
            }
            catch (StaleProgressWriteException)
            {
                // A stale activation leaves; the retry reaches one that reads the current record.
                seen = await journal.LoadRecordAsync(key);
            }
        }
    }
}
