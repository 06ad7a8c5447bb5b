using System.Diagnostics;

namespace GovOpenness.Tools;

/// <summary>
/// A program a tool starts as its own <c>dotnet</c> process (a silo of a cluster run): every line it writes
/// goes to a log file (standard output first to <c>onOutput</c>, which keeps the lines it understands), and
/// disposing it kills the process tree and closes the log. What the tool does with it (a protocol on
/// standard input, a SIGTERM, /proc figures) stays in the tool, on <see cref="Process"/>.
/// </summary>
public sealed class DotnetProcess : IDisposable
{
    private readonly StreamWriter _log;
    private bool _closed;

    /// <param name="arguments">After <c>dotnet</c>: the program's dll first.</param>
    /// <param name="onOutput">Sees each line of standard output first; a line it answers true for is not logged.</param>
    /// <param name="exited">Called with the exit code when the process ends, whoever ended it.</param>
    public DotnetProcess(
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string> environment,
        string logPath,
        bool redirectInput = false,
        Func<string, bool>? onOutput = null,
        Action<int>? exited = null)
    {
        LogPath = logPath;
        _log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = redirectInput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        Process = Process.Start(info)!;
        Process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && onOutput?.Invoke(line) != true)
            {
                Log(line);
            }
        };
        Process.ErrorDataReceived += (_, e) => Log(e.Data);
        if (exited is not null)
        {
            Process.Exited += (sender, _) => exited(((Process)sender!).ExitCode);
            Process.EnableRaisingEvents = true;
        }

        Process.BeginOutputReadLine();
        Process.BeginErrorReadLine();
    }

    public Process Process { get; }

    public string LogPath { get; }

    public bool HasExited => Process.HasExited;

    /// <summary>SIGKILL to the whole tree (no shutdown code runs), and waits for the exit.</summary>
    public void Kill()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            Process.WaitForExit();
        }
    }

    /// <summary>Whether the process exited by itself within the limit (it is left running otherwise).</summary>
    public async Task<bool> ExitedWithinAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await Process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Writes a line to the log (the output handlers may still be writing while it closes).</summary>
    public void Log(string? line)
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

    public void Dispose()
    {
        Kill();
        Process.Dispose();
        lock (_log)
        {
            _closed = true;
            _log.Dispose();
        }
    }
}
