using System.Diagnostics;
using System.Threading.Channels;
using GovOpenness.Grains.Storage.Audit;
using Microsoft.Extensions.Logging;

namespace GovOpenness.Grains.Storage.Journal;

/// <summary>
/// Group commit for progress records, one per silo. A grain hands over its new record with the
/// version it read and awaits; a single writer loop takes everything queued (up to
/// <see cref="MaxBatch"/>), stores the batch in ONE transaction and only then completes each
/// grain's task. So an update is acknowledged only once it is persisted, and a transaction's cost
/// (SQLite: the WAL commit; PostgreSQL: the round trip and commit) is shared by every grain that wrote
/// meanwhile: the busier the silo, the bigger the batches. A failed commit fails every record of the
/// batch; a record whose stored version moved on (another activation wrote it) fails alone with
/// <see cref="StaleProgressWriteException"/> and overwrites nothing.
/// </summary>
/// <remarks>
/// The queue is bounded (<see cref="Capacity"/>): when the database falls behind, grains wait to
/// enqueue (an await, never a blocked thread) instead of piling records up in memory.
/// The writer is a thread of its own that commits with the driver's synchronous calls
/// (<see cref="IProgressJournalStore.Commit"/>): on the thread pool, each round trip's continuation
/// queued behind the silo's grain work (PostgreSQL under load on 2 cores: a 25 ms commit was 15 ms of
/// waiting for a pool thread and 1.5 ms of work on the server), and the single writer sets the pace.
/// It blocks no grain and no pool thread; grains still only await their task.
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

        // Not on whichever grain's scheduler first touched the journal: the writer on its own thread
        // (without that grain's request context), the loader on the thread pool.
        _writer = StartWriterThread();
        _loader = Task.Run(LoadLoopAsync);
    }

    /// <summary>Records waiting for a commit (a gauge for operators).</summary>
    public int QueueDepth => _queue.Reader.Count;

    /// <summary>
    /// Stores the grain's new record if the stored one still has <paramref name="expectedVersion"/>
    /// (0: none stored yet); completes with the new version once committed. Throws
    /// <see cref="StaleProgressWriteException"/> when another writer got there first, and
    /// <see cref="ProgressNotStoredException"/> when the commit failed.
    /// </summary>
    /// <remarks>With <paramref name="audit"/>, the act's record (留痕) is committed in the same transaction (not if the write is refused as stale).</remarks>
    public Task<long> AppendAsync(string grainKey, string payload, long expectedVersion, AuditEntry? audit = null) =>
        AppendAsync(grainKey, payload, expectedVersion, audit is null ? [] : [audit]);

    /// <summary>
    /// As <see cref="AppendAsync(string, string, long, AuditEntry?)"/>, with the records (留痕) of several acts the
    /// one write holds (a batch of progress steps), all committed in the same transaction.
    /// </summary>
    public async Task<long> AppendAsync(string grainKey, string payload, long expectedVersion, IReadOnlyList<AuditEntry> audits)
    {
        using var span = Hosting.GovOpennessMetrics.Traces.StartActivity("journal append");
        span?.SetTag("govopenness.grain_key", grainKey);

        // Completed by the writer thread: continuations must not run inline on it.
        var pending = new Pending(new JournalRecord(grainKey, payload, expectedVersion), audits, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(pending);
        await pending.Stored.Task;
        return expectedVersion + 1;
    }

    /// <summary>
    /// Appends a record (留痕) of an act stored elsewhere (a plan publish, a localization), batched with
    /// whatever else is being committed; completes once it is committed.
    /// </summary>
    public async Task RecordAsync(AuditEntry audit)
    {
        var pending = new Pending(null, [audit], new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(pending);
        await pending.Stored.Task;
    }

    /// <summary>
    /// The grain's latest stored record and its version (null: none yet). Loads are batched like
    /// writes: when 40,000 grains activate at once, one query answers hundreds of them.
    /// </summary>
    public async Task<StoredRecord?> LoadRecordAsync(string grainKey)
    {
        var pending = new PendingLoad(grainKey, new TaskCompletionSource<StoredRecord?>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _loads.Writer.WriteAsync(pending);
        return await pending.Loaded.Task;
    }

    /// <summary>The grain's latest stored payload (null: none yet).</summary>
    public async Task<string?> LoadAsync(string grainKey) => (await LoadRecordAsync(grainKey))?.Payload;

    public async ValueTask DisposeAsync()
    {
        // Drain: whatever was queued is still committed (or failed) before the silo's storage goes.
        _queue.Writer.TryComplete();
        _loads.Writer.TryComplete();
        await Task.WhenAll(_writer, _loader);
    }

    private Task StartWriterThread()
    {
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                WriteLoop();
                finished.SetResult();
            }
            catch (Exception e)
            {
                finished.SetException(e);
            }
        })
        {
            IsBackground = true,
            Name = "progress-journal-writer",
        };
        using (ExecutionContext.SuppressFlow())
        {
            thread.Start();
        }

        return finished.Task;
    }

    private void WriteLoop()
    {
        var reader = _queue.Reader;
        var batch = new List<Pending>(MaxBatch);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var deferred = new Queue<Pending>();
        while (deferred.Count > 0 || WaitForRecords(reader))
        {
            batch.Clear();
            keys.Clear();

            // One record per key in a batch: each is checked against the version before the batch.
            // A second record of a key (a reactivated grain following its old self) waits for the next.
            // Records of acts stored elsewhere (no journal record) always join.
            var carried = deferred.Count;
            for (var i = 0; i < carried; i++)
            {
                var next = deferred.Dequeue();
                if (next.Record is not { } record || keys.Add(record.GrainKey))
                {
                    batch.Add(next);
                }
                else
                {
                    deferred.Enqueue(next);
                }
            }

            while (batch.Count < MaxBatch && reader.TryRead(out var next))
            {
                if (next.Record is not { } record || keys.Add(record.GrainKey))
                {
                    batch.Add(next);
                }
                else
                {
                    deferred.Enqueue(next);
                }
            }

            Commit(batch);
        }
    }

    // Only when the queue is empty does the writer block here (woken through the thread pool); while
    // grains keep it busy, the next batch is already queued when a commit ends.
    private static bool WaitForRecords(ChannelReader<Pending> reader)
    {
        var waiting = reader.WaitToReadAsync();
        return waiting.IsCompleted ? waiting.Result : waiting.AsTask().GetAwaiter().GetResult();
    }

    private void Commit(List<Pending> batch)
    {
        IReadOnlySet<string> stale;
        var started = Stopwatch.GetTimestamp();
        try
        {
            var records = new List<JournalRecord>(batch.Count);
            var audits = new List<JournalAudit>();
            foreach (var pending in batch)
            {
                if (pending.Record is { } record)
                {
                    records.Add(record);
                }

                foreach (var audit in pending.Audits)
                {
                    audits.Add(new JournalAudit(pending.Record?.GrainKey, audit));
                }
            }

            stale = _store.Commit(records, audits);
        }
        catch (Exception e)
        {
            _counters.CountFailure();
            LogCommitFailed(_logger, e, batch.Count);
            foreach (var pending in batch)
            {
                pending.Stored.TrySetException(new ProgressNotStoredException(pending.Record?.GrainKey ?? "留痕", Abstractions.StorageUnavailableException.AtBoundary("journal commit", e)));
            }

            return;
        }

        _counters.CountCommit(batch.Count - stale.Count, Stopwatch.GetElapsedTime(started));
        foreach (var pending in batch)
        {
            if (pending.Record is { } record && stale.Contains(record.GrainKey))
            {
                _counters.CountStale();
                LogStaleWrite(_logger, record.GrainKey, record.ExpectedVersion);
                pending.Stored.TrySetException(new StaleProgressWriteException(record.GrainKey, record.ExpectedVersion));
            }
            else
            {
                pending.Stored.TrySetResult();
            }
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
                    pending.Loaded.TrySetResult(found.TryGetValue(pending.GrainKey, out var record) ? record : null);
                }
            }
            catch (Exception e)
            {
                foreach (var pending in batch)
                {
                    // Across silos the driver's exception cannot be serialized: it leaves as StorageUnavailableException.
                    pending.Loaded.TrySetException(Abstractions.StorageUnavailableException.IsDriverFailure(e)
                        ? new Abstractions.StorageUnavailableException($"进度读取 {pending.GrainKey}", e)
                        : new InvalidOperationException($"进度读取失败（{pending.GrainKey}）：{e.Message}", e));
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Progress journal commit of {Count} records failed; every one of them was refused")]
    private static partial void LogCommitFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Progress record {GrainKey} was written by another activation since version {Version}; this write was refused")]
    private static partial void LogStaleWrite(ILogger logger, string grainKey, long version);

    private sealed record Pending(JournalRecord? Record, IReadOnlyList<AuditEntry> Audits, TaskCompletionSource Stored);

    private sealed record PendingLoad(string GrainKey, TaskCompletionSource<StoredRecord?> Loaded);
}
