using System.Threading.Channels;
using GovOpenness.Grains.Storage.Audit;
using Microsoft.Extensions.Logging;

namespace GovOpenness.Grains.Storage.Journal;

/// <summary>
/// Group commit for progress records, one per silo. A grain hands over its new record and awaits;
/// a single writer loop takes everything queued (up to <see cref="MaxBatch"/>), keeps the latest
/// record per key, stores the batch in ONE transaction and only then completes each grain's task.
/// So an update is acknowledged only once it is persisted, and a transaction's cost (SQLite: the WAL
/// commit; PostgreSQL: the round trip and commit) is shared by every grain that wrote meanwhile:
/// the busier the silo, the bigger the batches. A failed commit fails every record of the batch.
/// </summary>
/// <remarks>
/// The queue is bounded (<see cref="Capacity"/>): when the database falls behind, grains wait to
/// enqueue (an await, never a blocked thread) instead of piling records up in memory.
/// </remarks>
public sealed partial class ProgressJournal : IAsyncDisposable
{
    public const int Capacity = 16_384;

    public const int MaxBatch = 4_096;

    /// <summary>Keys per load query (SQLite binds each as a parameter).</summary>
    public const int MaxLoadBatch = 512;

    private readonly IProgressJournalStore _store;
    private readonly ProgressJournalCounters _counters;
    private readonly ILogger<ProgressJournal> _logger;
    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(Capacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly Channel<PendingLoad> _loads = Channel.CreateBounded<PendingLoad>(new BoundedChannelOptions(Capacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly Task _writer;
    private readonly Task _loader;

    public ProgressJournal(IProgressJournalStore store, ProgressJournalCounters counters, ILogger<ProgressJournal> logger)
    {
        _store = store;
        _counters = counters;
        _logger = logger;

        // On the thread pool, not on whichever grain's scheduler first touched the journal.
        _writer = Task.Run(WriteLoopAsync);
        _loader = Task.Run(LoadLoopAsync);
    }

    /// <summary>Stores the grain's latest record; completes once it is committed, throws <see cref="ProgressNotStoredException"/> if not.</summary>
    /// <remarks>With <paramref name="audit"/>, the act's record (留痕) is committed in the same transaction.</remarks>
    public async Task AppendAsync(string grainKey, string payload, AuditEntry? audit = null)
    {
        // Completed by the writer thread: continuations must not run inline on it.
        var pending = new Pending(new JournalRecord(grainKey, payload), audit, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(pending);
        await pending.Stored.Task;
    }

    /// <summary>
    /// Appends a record (留痕) of an act stored elsewhere (a plan publish, a localization), batched with
    /// whatever else is being committed; completes once it is committed.
    /// </summary>
    public async Task RecordAsync(AuditEntry audit)
    {
        var pending = new Pending(null, audit, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(pending);
        await pending.Stored.Task;
    }

    /// <summary>
    /// The grain's latest stored record (null: none yet). Loads are batched like writes: when 40,000
    /// grains activate at once, one query answers hundreds of them instead of a queue of single reads.
    /// </summary>
    public async Task<string?> LoadAsync(string grainKey)
    {
        var pending = new PendingLoad(grainKey, new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _loads.Writer.WriteAsync(pending);
        return await pending.Loaded.Task;
    }

    public async ValueTask DisposeAsync()
    {
        // Drain: whatever was queued is still committed (or failed) before the silo's storage goes.
        _queue.Writer.TryComplete();
        _loads.Writer.TryComplete();
        await Task.WhenAll(_writer, _loader);
    }

    private async Task WriteLoopAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<Pending>(MaxBatch);
        var latest = new Dictionary<string, int>(StringComparer.Ordinal);
        var records = new List<JournalRecord>(MaxBatch);
        var audits = new List<AuditEntry>();
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            latest.Clear();
            records.Clear();
            audits.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var next))
            {
                batch.Add(next);

                // Every act keeps its record, even when a later record of the same key replaces its state.
                if (next.Audit is { } audit)
                {
                    audits.Add(audit);
                }

                if (next.Record is not { } record)
                {
                    continue;
                }

                // A grain awaits each record before sending the next, but a reactivated grain may
                // follow its old self: the later record of a key wins (one row per key in a batch).
                if (latest.TryGetValue(record.GrainKey, out var at))
                {
                    records[at] = record;
                }
                else
                {
                    latest[record.GrainKey] = records.Count;
                    records.Add(record);
                }
            }

            await CommitAsync(batch, records, audits);
        }
    }

    private async Task CommitAsync(List<Pending> batch, List<JournalRecord> records, List<AuditEntry> audits)
    {
        try
        {
            await _store.CommitAsync(records, audits);
        }
        catch (Exception e)
        {
            _counters.CountFailure();
            LogCommitFailed(_logger, e, batch.Count);
            foreach (var pending in batch)
            {
                pending.Stored.TrySetException(new ProgressNotStoredException(pending.Record?.GrainKey ?? "留痕", e));
            }

            return;
        }

        _counters.CountCommit(batch.Count);
        foreach (var pending in batch)
        {
            pending.Stored.TrySetResult();
        }
    }

    private async Task LoadLoopAsync()
    {
        var reader = _loads.Reader;
        var batch = new List<PendingLoad>(MaxLoadBatch);
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxLoadBatch && reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            try
            {
                var found = await _store.LoadAsync([.. batch.Select(p => p.GrainKey).Distinct(StringComparer.Ordinal)]);
                foreach (var pending in batch)
                {
                    pending.Loaded.TrySetResult(found.GetValueOrDefault(pending.GrainKey));
                }
            }
            catch (Exception e)
            {
                foreach (var pending in batch)
                {
                    pending.Loaded.TrySetException(new InvalidOperationException($"进度读取失败（{pending.GrainKey}）：{e.Message}", e));
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Progress journal commit of {Count} records failed; every one of them was refused")]
    private static partial void LogCommitFailed(ILogger logger, Exception exception, int count);

    private sealed record Pending(JournalRecord? Record, AuditEntry? Audit, TaskCompletionSource Stored);

    private sealed record PendingLoad(string GrainKey, TaskCompletionSource<string?> Loaded);
}
