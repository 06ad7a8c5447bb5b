using System.Diagnostics;
using GovOpenness.Tools;

namespace GovOpenness.FaultSuite;

/// <summary>
/// One silo: the real server's dll as its own process, on PostgreSQL, with its own ports, started again after
/// each stop or kill (the tools' shared <see cref="DotnetProcess"/> starts, logs and kills it; the SIGTERM is this suite's).
/// </summary>
public sealed class SiloProcess(int index, string serverDll, string connectionString, int basePort, string logDirectory, ClusterSecrets secrets) : IDisposable
{
    private DotnetProcess? _process;

    /// <summary>
    /// A SIGTERM is sent no sooner than this after the process starts. In its first fraction of a second
    /// the .NET runtime has not yet installed signal handling, so a SIGTERM then ends the process by the
    /// signal's default action (exit 143) before any of the program runs: no program can drain there, and
    /// a real orchestrator's stop meets a process that has at least started its runtime. A SIGTERM while
    /// the silo itself is still starting (seconds) stays part of the suite.
    /// </summary>
    private static readonly TimeSpan RuntimeStartup = TimeSpan.FromSeconds(1);

    /// <summary>By then the runtime's signal handling is installed however loaded the machine: a 143 later is a failed drain.</summary>
    private static readonly TimeSpan SignalHandlingAtLatest = TimeSpan.FromSeconds(5);

    private readonly Stopwatch _sinceStart = new();

    public int Index { get; } = index;

    public Uri Url { get; } = new($"http://127.0.0.1:{basePort + index}/");

    public bool Running => _process is { HasExited: false };

    /// <summary>Between a SIGTERM and the exit: the suite does not kill a draining silo (that would test the kill, not the drain).</summary>
    public bool Stopping { get; private set; }

    public void Start()
    {
        string[] arguments =
        [
            serverDll, "--urls", Url.ToString().TrimEnd('/'),
            $"--GovOpenness:SiloPort={basePort + 6000 + Index}", $"--GovOpenness:GatewayPort={basePort + 25000 + Index}",
            "--GovOpenness:SeedSamples=false", "--GovOpenness:Dashboard:Enabled=false", "--GovOpenness:ClusterId=faultsuite",
        ];
        var environment = new Dictionary<string, string>
        {
            // The same environment as docker-compose.yml's silos.
            ["ConnectionStrings__Postgres"] = connectionString,
            ["Logging__LogLevel__Default"] = "Warning",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",

            // The checks read every summary once a second as one account (3,200 for the whole country): the
            // per-account rate limit (20 requests/s) guards against abusive clients, not against the harness.
            ["GovOpenness__Http__RequestsPerMinute"] = "600000",
            ["GovOpenness__Http__Burst"] = "10000",

            // One administrator and one token signing key for the whole cluster, as an operator configures them.
            ["GovOpenness__Bootstrap__AdminPassword"] = secrets.AdminPassword,
            ["GovOpenness__Auth__SigningKey"] = secrets.SigningKey,
        };
        // The run before this one (stopped or killed) is released once the new one is in place: the suite's
        // other tasks may be asking Running meanwhile, and must never meet a disposed process.
        var previous = _process;
        _process = new DotnetProcess(arguments, environment, Path.Combine(logDirectory, $"silo{Index}.log"));
        _sinceStart.Restart();
        previous?.Dispose();
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public void Kill() => _process?.Kill();

    /// <summary>
    /// SIGTERM: a graceful stop (drains relays, journals and outboxes, then leaves the cluster). Answers
    /// false when the silo did not exit by itself with code 0 within the limit (it is then killed).
    /// </summary>
    public async Task<bool> StopAsync(TimeSpan limit)
    {
        if (!Running)
        {
            return true;
        }

        Stopping = true;
        if (RuntimeStartup - _sinceStart.Elapsed is { Ticks: > 0 } young)
        {
            await Task.Delay(young);
        }

        var ageAtSignal = _sinceStart.Elapsed;
        Process.Start("kill", ["-TERM", _process!.Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        try
        {
            if (!await _process.ExitedWithinAsync(limit))
            {
                Kill();
                return false;
            }

            // 143 (128 + SIGTERM) is the signal's default action: the runtime had not yet installed its handler.
            // On a loaded machine that can be later than RuntimeStartup (seed 62774275: ended 0.3 s after a
            // SIGTERM sent at 1 s); no program runs before it, so it is not a drain that failed.
            var exitCode = _process.Process.ExitCode;
            return exitCode == 0 || (exitCode == 143 && ageAtSignal < SignalHandlingAtLatest);
        }
        finally
        {
            Stopping = false;
        }
    }

    public void Dispose() => _process?.Dispose();
}
