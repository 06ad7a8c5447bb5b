using GovOpenness.FaultSuite;

// The fault suite of issue 11 (README.md): runs, kills, steps, lost, converged in … s; the seed of a failing run.
SuiteOptions options;
try
{
    options = SuiteOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
{
    // A usage error: the flag and what was wrong, not a stack trace (flags: README.md).
    Console.Error.WriteLine($"fault suite: {e.Message}");
    return 2;
}

if (string.IsNullOrWhiteSpace(options.Postgres))
{
    Console.Error.WriteLine("GOVOPENNESS_TEST_POSTGRES is not set: eval \"$(bash tools/scripts/postgres.sh start)\" first (or --postgres)");
    return 2;
}

if (!File.Exists(options.ServerDll))
{
    Console.Error.WriteLine($"{options.ServerDll} not found: dotnet build src/GovOpenness.Server -c Release first (or --server-dll)");
    return 2;
}

Console.WriteLine($"fault suite: {options.Runs} run(s), {options.Silos} silos, subtree {options.Root}, {options.Kills} kills + {options.Stops} graceful stops + {options.PostgresRestarts} PostgreSQL restarts per run, {options.Steps} steps, seed {options.Seed}");
var results = new List<RunResult>();
for (var run = 0; run < options.Runs; run++)
{
    var seed = options.Seed + run;
    Console.WriteLine($"run {run + 1}/{options.Runs} (seed {seed})");
    RunResult result;
    try
    {
        result = await new FaultRun(options, seed).RunAsync();
    }
    catch (Exception e)
    {
        result = new RunResult(seed, 0, 0, 0, 0, 0, null, 0, 0, e.ToString(), []);
    }

    results.Add(result);
    Console.WriteLine($"  acknowledged {result.Acknowledged}, lost {result.Lost}, converged {(result.Converged is { } c ? $"in {c.TotalSeconds:F1} s" : "NO")}, bare 500s {result.Bare500s}, 503s {result.Unavailable503s}"
        + (result.Failure is null ? "" : $"\n  FAILED (seed {seed}): {result.Failure}"));
}

var failed = results.Where(r => !r.Passed).ToList();
Console.WriteLine($"runs {results.Count}, kills {results.Sum(r => r.Kills)}, graceful stops {results.Sum(r => r.Stops)}, PostgreSQL restarts {results.Sum(r => r.PostgresRestarts)}, steps acknowledged {results.Sum(r => r.Acknowledged)}, lost {results.Sum(r => r.Lost)}, "
    + $"converged in max {results.Where(r => r.Converged is not null).Select(r => r.Converged!.Value.TotalSeconds).DefaultIfEmpty().Max():F1} s, bare 500s {results.Sum(r => r.Bare500s)}");
foreach (var f in failed)
{
    Console.WriteLine($"FAILED seed {f.Seed}: repeat with --seed {f.Seed} --runs 1");
}

return failed.Count == 0 ? 0 : 1;
