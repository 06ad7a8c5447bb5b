using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

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
/// on free loopback ports. Its peak memory and CPU time are read from /proc (Linux), and its peak is reset
/// between phases (<c>clear_refs</c>), so each phase's peak is its own.
/// </summary>
internal sealed class ClusterSiloProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _asking = new(1, 1);
    private TaskCompletionSource<SiloStats>? _stats;
    private bool _closed;

    public ClusterSiloProcess(int index, string connectionString, string serviceId, IEnumerable<string> arguments, string logDirectory)
    {
        Index = index;
        LogPath = Path.Combine(logDirectory, $"silo{index}.log");
        _log = new StreamWriter(LogPath, append: true) { AutoFlush = true };
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Assembly.GetEntryAssembly()!.Location, ClusterSilo.Flag, "--service-id", serviceId, "--silo-port", FreePort(), "--gateway-port", FreePort() }.Concat(arguments))
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["GOVOPENNESS_TEST_POSTGRES"] = connectionString;
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) => Received(e.Data);
        _process.ErrorDataReceived += (_, e) => Write(e.Data);
        _process.Exited += (_, _) => _ready.TrySetException(new InvalidOperationException($"silo {Index} exited ({_process.ExitCode}) before it was ready: see {LogPath}"));
        _process.EnableRaisingEvents = true;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Index { get; }

    public string LogPath { get; }

    public Task Ready => _ready.Task;

    /// <summary>Peak resident set since the last <see cref="ResetPeak"/> (VmHWM), bytes.</summary>
    public long PeakBytes => ProcStatusKb("VmHWM:") * 1024;

    /// <summary>CPU time (user + system) of the silo process so far.</summary>
    public TimeSpan Cpu
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Starts a new peak window from the present resident set (writes 5 to /proc/PID/clear_refs).</summary>
    public void ResetPeak() => File.WriteAllText($"/proc/{_process.Id}/clear_refs", "5");

    public async Task<SiloStats> StatsAsync()
    {
        await _asking.WaitAsync();
        try
        {
            _stats = new TaskCompletionSource<SiloStats>(TaskCreationOptions.RunContinuationsAsynchronously);
            await _process.StandardInput.WriteLineAsync("stats");
            await _process.StandardInput.FlushAsync();
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
        if (_process.HasExited)
        {
            return;
        }

        _process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        lock (_log)
        {
            _closed = true;
            _log.Dispose();
        }
    }

    private static string FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
    }

    private long ProcStatusKb(string field)
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private void Received(string? line)
    {
        if (line == ClusterSilo.ReadyLine)
        {
            _ready.TrySetResult();
        }
        else if (line is not null && line.StartsWith(ClusterSilo.StatsPrefix, StringComparison.Ordinal))
        {
            var n = line[ClusterSilo.StatsPrefix.Length..].Split(' ').Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            _stats?.TrySetResult(new SiloStats(n[0], n[1], n[2], n[3], n[4]));
        }
        else
        {
            Write(line);
        }
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            if (!_closed)
            {
                _log.WriteLine(line);
            }
        }
    }
}
