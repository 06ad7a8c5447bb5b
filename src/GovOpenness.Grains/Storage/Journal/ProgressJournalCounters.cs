namespace GovOpenness.Grains.Storage.Journal;

/// <summary>Counts the journal's work: records acknowledged, transactions committed or failed, stale writes refused.</summary>
public sealed class ProgressJournalCounters
{
    private long _records;
    private long _commits;
    private long _failedCommits;
    private long _staleWrites;

    /// <summary>Records stored and acknowledged (one per grain update; several grains share a commit).</summary>
    public long Records => Interlocked.Read(ref _records);

    /// <summary>Transactions committed: fewer than <see cref="Records"/> when grains share them.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    public long FailedCommits => Interlocked.Read(ref _failedCommits);

    /// <summary>Writes refused because another activation had written the record since it was read.</summary>
    public long StaleWrites => Interlocked.Read(ref _staleWrites);

    /// <summary>Raised after each committed batch (its records and how long the commit took): metrics listen here.</summary>
    public event Action<int, TimeSpan>? Committed;

    internal void CountCommit(int records, TimeSpan duration)
    {
        Interlocked.Add(ref _records, records);
        Interlocked.Increment(ref _commits);
        Committed?.Invoke(records, duration);
    }

    internal void CountFailure() => Interlocked.Increment(ref _failedCommits);

    internal void CountStale() => Interlocked.Increment(ref _staleWrites);
}
