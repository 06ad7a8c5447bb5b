namespace GovOpenness.FaultSuite;

/// <summary>What one invocation runs (command-line flags in README.md).</summary>
public sealed record SuiteOptions
{
    public int Seed { get; init; } = Environment.TickCount & 0x7fffffff;

    public int Runs { get; init; } = 1;

    public int Silos { get; init; } = 3;

    /// <summary>The body that publishes; its subtree is what the run drives and checks.</summary>
    public string Root { get; init; } = "1411";

    public int Kills { get; init; } = 2;

    public int PostgresRestarts { get; init; } = 1;

    /// <summary>Graceful stops (SIGTERM) per run: the silo must drain and exit 0, and lose nothing.</summary>
    public int Stops { get; init; }

    /// <summary>The longest a SIGTERMed silo may take to drain and exit.</summary>
    public int DrainSeconds { get; init; } = 60;

    /// <summary>Progress steps posted per run (签收 of one item of one body each).</summary>
    public int Steps { get; init; } = 600;

    public int Items { get; init; } = 30;

    /// <summary>Bodies of the subtree given a reporter account; the steps are posted for these.</summary>
    public int Reporters { get; init; } = 24;

    /// <summary>Seconds the fault phase lasts (the load runs through it).</summary>
    public int FaultSeconds { get; init; } = 40;

    /// <summary>The longest a run may take to converge before it fails.</summary>
    public int ConvergeSeconds { get; init; } = 180;

    public string ServerDll { get; init; } = "src/GovOpenness.Server/bin/Release/net10.0/GovOpenness.Server.dll";

    /// <summary>The admin connection (its server is restarted by tools/scripts/postgres.sh restart).</summary>
    public string Postgres { get; init; } = Environment.GetEnvironmentVariable("GOVOPENNESS_TEST_POSTGRES") ?? "";

    public int BasePort { get; init; } = 5470;

    public static SuiteOptions Parse(string[] args)
    {
        var options = new SuiteOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--seed" => options with { Seed = int.Parse(value) },
                "--runs" => options with { Runs = int.Parse(value) },
                "--silos" => options with { Silos = int.Parse(value) },
                "--root" => options with { Root = value },
                "--kills" => options with { Kills = int.Parse(value) },
                "--pg-restarts" => options with { PostgresRestarts = int.Parse(value) },
                "--stops" => options with { Stops = int.Parse(value) },
                "--drain-seconds" => options with { DrainSeconds = int.Parse(value) },
                "--steps" => options with { Steps = int.Parse(value) },
                "--items" => options with { Items = int.Parse(value) },
                "--reporters" => options with { Reporters = int.Parse(value) },
                "--fault-seconds" => options with { FaultSeconds = int.Parse(value) },
                "--converge-seconds" => options with { ConvergeSeconds = int.Parse(value) },
                "--server-dll" => options with { ServerDll = value },
                "--postgres" => options with { Postgres = value },
                "--base-port" => options with { BasePort = int.Parse(value) },
                _ => throw new ArgumentException($"unknown flag {args[i]}"),
            };
            i++;
        }

        // Counts that make a run meaningless (or a step without a reporter to post it) are refused up front.
        foreach (var (flag, value) in new[] { ("--runs", options.Runs), ("--silos", options.Silos), ("--steps", options.Steps), ("--items", options.Items), ("--reporters", options.Reporters), ("--drain-seconds", options.DrainSeconds) })
        {
            if (value < 1)
            {
                throw new ArgumentException($"{flag} must be at least 1 (was {value})");
            }
        }

        return options;
    }
}
