using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using GovOpenness.Tools;

namespace GovOpenness.CascadeBenchmark;

/// <summary>The counters one silo answers with (cumulative since it started).</summary>
internal readonly record struct SiloStats(long Writes, long Reads, long JournalRecords, long JournalCommits, long RelayPending)
{
    public static SiloStats operator -(SiloStats a, SiloStats b) =>
        new(a.Writes - b.Writes, a.Reads - b.Reads, a.JournalRecords - b.JournalRecords, a.JournalCommits - b.JournalCommits, a.RelayPending);

    public static SiloStats operator +(SiloStats a, SiloStats b) =>
        new(a.Writes + b.Writes, a.Reads + b.Reads, a.JournalRecords + b.JournalRecords, a.JournalCommits + b.JournalCommits, a.RelayPending + b.RelayPending);
}

/// <summary>
/// A silo process of the cluster run: this benchmark's own program started with <see cref="ClusterSilo.Flag"/>
/// on free loopback ports (started, logged and killed by the tools' shared <see cref="DotnetProcess"/>). It
/// answers "stats" on standard input. Its peak memory and CPU time are read from /proc (Linux), and its
/// peak is reset between phases (<c>clear_refs</c>), so each phase's peak is its own.
/// </summary>
internal sealed class ClusterSiloProcess : IDisposable
{
    private readonly DotnetProcess _silo;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _asking = new(1, 1);
    private TaskCompletionSource<SiloStats>? _stats;

    public ClusterSiloProcess(int index, string connectionString, string serviceId, IEnumerable<string> arguments, string logDirectory)
    {
        Index = index;
        var logPath = Path.Combine(logDirectory, $"silo{index}.log");
        _silo = new DotnetProcess(
            new[] { Assembly.GetEntryAssembly()!.Location, ClusterSilo.Flag, "--service-id", serviceId, "--silo-port", FreePort(), "--gateway-port", FreePort() }.Concat(arguments),
            new Dictionary<string, string> { ["GOVOPENNESS_TEST_POSTGRES"] = connectionString },
            logPath,
            redirectInput: true,
            onOutput: Received,
            exited: code => _ready.TrySetException(new InvalidOperationException($"silo {index} exited ({code}) before it was ready: see {logPath}")));
    }

    public int Index { get; }

    public string LogPath => _silo.LogPath;

    public Task Ready => _ready.Task;

    /// <summary>Peak resident set since the last <see cref="ResetPeak"/> (VmHWM), bytes.</summary>
    public long PeakBytes => ProcStatusKb("VmHWM:") * 1024;

    /// <summary>CPU time (user + system) of the silo process so far.</summary>
    public TimeSpan Cpu
    {
        get
        {
            _silo.Process.Refresh();
            return _silo.Process.TotalProcessorTime;
        }
    }

    /// <summary>Starts a new peak window from the present resident set (writes 5 to /proc/PID/clear_refs).</summary>
    public void ResetPeak() => File.WriteAllText($"/proc/{_silo.Process.Id}/clear_refs", "5");

    public async Task<SiloStats> StatsAsync()
    {
        await _asking.WaitAsync();
        try
        {
            _stats = new TaskCompletionSource<SiloStats>(TaskCreationOptions.RunContinuationsAsynchronously);
            await _silo.Process.StandardInput.WriteLineAsync("stats");
            await _silo.Process.StandardInput.FlushAsync();
            return await _stats.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            _asking.Release();
        }
    }

    /// <summary>Closes its standard input (the silo stops); kills it if it has not exited within the limit.</summary>
    public async Task StopAsync(TimeSpan limit)
    {
        if (_silo.HasExited)
        {
            return;
        }

        _silo.Process.StandardInput.Close();
        if (!await _silo.ExitedWithinAsync(limit))
        {
            _silo.Kill();
        }
    }

    public void Dispose() => _silo.Dispose();

    private static string FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
    }

    private long ProcStatusKb(string field)
    {
        var line = File.ReadLines($"/proc/{_silo.Process.Id}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    /// <summary>The silo's protocol lines (ready, stats) are answers, not log lines.</summary>
    private bool Received(string line)
    {
        if (line == ClusterSilo.ReadyLine)
        {
            _ready.TrySetResult();
            return true;
        }

        if (line.StartsWith(ClusterSilo.StatsPrefix, StringComparison.Ordinal))
        {
            var n = line[ClusterSilo.StatsPrefix.Length..].Split(' ').Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            _stats?.TrySetResult(new SiloStats(n[0], n[1], n[2], n[3], n[4]));
            return true;
        }

        return false;
    }
}
