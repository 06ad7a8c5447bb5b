namespace GovOpenness.Grains.Storage.Journal;

/// <summary>Counts the journal's work: records acknowledged, transactions committed, transactions failed.</summary>
public sealed class ProgressJournalCounters
{
    private long _records;
    private long _commits;
    private long _failedCommits;

    /// <summary>Records stored and acknowledged (one per grain update; several per key may share a commit).</summary>
    public long Records => Interlocked.Read(ref _records);

    /// <summary>Transactions committed: fewer than <see cref="Records"/> when grains share them.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    public long FailedCommits => Interlocked.Read(ref _failedCommits);

    internal void CountCommit(int records)
    {
        Interlocked.Add(ref _records, records);
        Interlocked.Increment(ref _commits);
    }

    internal void CountFailure() => Interlocked.Increment(ref _failedCommits);
}
