using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace GovOpenness.Grains.Storage;

/// <summary>
/// Every SQLite connection in the process waits for the file's one write lock inside SQLite (its busy
/// handler, retrying after 1, 2, 5, 10 … ms) instead of being told "busy" at once: Microsoft.Data.Sqlite's
/// own retry of a busy statement sleeps 150 ms at a time, so whenever two writers met (grain storage's two
/// writes in flight, the progress journal, the milestone notes) the second paid 150 ms for a lock held
/// about a millisecond. The replay paid it on its days one after another (issue 16: 吕梁's days with cascade
/// steps ≈ 145 ms each, their writes ≈ 0.5 ms). Orleans' ADO.NET storage opens its connections itself
/// (its SQLite factory is fixed), so the wait is set by SQLite's auto-extension hook, which runs on every
/// connection the process opens; <see cref="Apply"/> sets it on a connection directly as well. The wait is
/// bounded like a command (<see cref="Timeout"/>, the connections' default command timeout) and blocks
/// the calling thread as the driver's own retry did; the caps on writes in flight are unchanged.
/// </summary>
public static class SqliteBusyWait
{
    /// <summary>How long a connection waits for the write lock before SQLite reports the file busy.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private const string Library = "e_sqlite3";

    private static readonly Lock Registering = new();
    private static bool _registered;

    // Kept for the life of the process: SQLite calls it on every connection opened after registration.
    private static readonly ConnectionOpened OnOpened = (db, _, _) => sqlite3_busy_timeout(db, Milliseconds);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int ConnectionOpened(IntPtr db, IntPtr errorMessage, IntPtr api);

    private static int Milliseconds => (int)Timeout.TotalMilliseconds;

    /// <summary>
    /// Makes every SQLite connection opened from now on in this process wait for the lock (idempotent).
    /// Call before the first connection: one opened earlier and kept in the pool does not wait.
    /// </summary>
    public static void EnsureForEveryConnection()
    {
        lock (Registering)
        {
            if (_registered)
            {
                return;
            }

            SQLitePCL.Batteries_V2.Init();
            _registered = true;
            try
            {
                var rc = sqlite3_auto_extension(Marshal.GetFunctionPointerForDelegate(OnOpened));
                if (rc != 0)
                {
                    throw new InvalidOperationException($"SQLite refused the busy wait for new connections (result {rc}).");
                }
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // A SQLite build other than the bundled e_sqlite3: the project's own connections still wait
                // (Apply); Orleans' storage falls back to the driver's 150 ms retry, slower but correct.
            }
        }
    }

    /// <summary>Sets the wait on an open connection (a connection's setting; one native call).</summary>
    public static void Apply(SqliteConnection connection) =>
        SQLitePCL.raw.sqlite3_busy_timeout(connection.Handle, Milliseconds);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern int sqlite3_auto_extension(IntPtr entryPoint);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern int sqlite3_busy_timeout(IntPtr db, int milliseconds);
}
