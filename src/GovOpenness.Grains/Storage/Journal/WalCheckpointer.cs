using Microsoft.Data.Sqlite;

namespace GovOpenness.Grains.Storage.Journal;

/// <summary>
/// Runs SQLite's PASSIVE checkpoint on a thread and connection of its own when the journal's writer asks,
/// so the writer's commits do not pay for copying the WAL into the database file. PASSIVE never waits
/// for the writer or readers: it copies what it can and leaves the rest to the next request (or to the
/// writer's own automatic checkpoint, kept as a bound on the WAL's size). Requests made while one runs
/// collapse into one. The driver blocks its thread, hence a dedicated thread, not the thread pool.
/// </summary>
internal sealed class WalCheckpointer(string path) : IDisposable
{
    private readonly SemaphoreSlim _requested = new(0, 1);
    private readonly Lock _gate = new();
    private Thread? _thread;
    private volatile bool _stopping;

    private TaskCompletionSource<(long WalPages, long Copied)> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the next checkpoint has run, with the WAL's pages and how many of them are in the database file.</summary>
    public Task<(long WalPages, long Copied)> Next
    {
        get
        {
            lock (_gate)
            {
                return _next.Task;
            }
        }
    }

    public void Request()
    {
        lock (_gate)
        {
            if (_stopping)
            {
                return;
            }

            _thread ??= new Thread(Run) { IsBackground = true, Name = "progress-journal-checkpoint" };
            if ((_thread.ThreadState & ThreadState.Unstarted) != 0)
            {
                _thread.Start();
            }

            if (_requested.CurrentCount == 0)
            {
                try
                {
                    _requested.Release();
                }
                catch (SemaphoreFullException)
                {
                    // Already requested: one checkpoint serves both.
                }
            }
        }
    }

    private void Run()
    {
        SqliteConnection? connection = null;
        try
        {
            while (true)
            {
                _requested.Wait();
                if (_stopping)
                {
                    return;
                }

                try
                {
                    connection ??= DatabaseSchema.OpenSqlite(path);
                    using var command = connection.CreateCommand();
                    command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                    using var reader = command.ExecuteReader();
                    reader.Read();
                    var result = (reader.GetInt64(1), reader.GetInt64(2));
                    Ran().TrySetResult(result);
                }
                catch (SqliteException e)
                {
                    // A checkpoint is an optimization: the writer's own automatic checkpoint still bounds the WAL.
                    connection?.Dispose();
                    connection = null;
                    Ran().TrySetException(e);
                }
            }
        }
        finally
        {
            connection?.Dispose();
        }
    }

    private TaskCompletionSource<(long WalPages, long Copied)> Ran()
    {
        lock (_gate)
        {
            var ran = _next;
            _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
            return ran;
        }
    }

    public void Dispose()
    {
        Thread? thread;
        lock (_gate)
        {
            _stopping = true;
            thread = _thread;
            if (_requested.CurrentCount == 0)
            {
                _requested.Release();
            }
        }

        if (thread is { IsAlive: true })
        {
            thread.Join();
        }

        _requested.Dispose();
    }
}
