using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using GovOpenness.Domain.Hierarchy;
using GovOpenness.Domain.Progress;

namespace GovOpenness.FaultSuite;

/// <summary>
/// One run: a fresh database, N silo processes, a publish at the root of the subtree and a progress
/// load through HTTP, silos SIGKILLed and PostgreSQL crashed at points chosen by the seed, then the
/// invariants (Invariants.cs) once the cluster is whole again.
/// </summary>
public sealed class FaultRun(SuiteOptions options, int seed)
{
    public const int Year = 2023;

    private readonly Random _random = new(seed);
    private readonly List<string> _log = [];
    private int _undrainedStops;

    public async Task<RunResult> RunAsync()
    {
        var database = new Database(options.Postgres, $"faultsuite_{seed}");
        await database.CreateAsync();
        var logs = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"govopenness-faultsuite-{seed}")).FullName;
        var secrets = ClusterSecrets.Generate();
        var silos = Enumerable.Range(0, options.Silos).Select(i => new SiloProcess(i, options.ServerDll, database.ConnectionString, options.BasePort, logs, secrets)).ToList();
        var api = new Api(silos, new Random(seed + 1));
        try
        {
            foreach (var silo in silos)
            {
                silo.Start();
                await WaitReadyAsync(silo, TimeSpan.FromSeconds(180));
            }

            var bodies = Subtree(options.Root);
            var reporters = await SignInAsync(api, secrets, bodies);
            var clock = Stopwatch.StartNew();
            var faults = ScheduleFaults();
            var publish = PublishAsync(api);
            var load = LoadAsync(api, reporters, publish);
            var kills = InjectAsync(silos, faults, clock);
            await Task.WhenAll(publish, load, kills);

            // The cluster is whole again: every silo runs, PostgreSQL is up.
            foreach (var silo in silos.Where(s => !s.Running))
            {
                silo.Start();
            }

            foreach (var silo in silos)
            {
                await WaitReadyAsync(silo, TimeSpan.FromSeconds(180));
            }

            Note($"{clock.Elapsed.TotalSeconds:F1}s cluster whole again; {load.Result.Count} steps acknowledged; checking");
            var whole = Stopwatch.StartNew();
            var invariants = new Invariants(api, database, bodies, options.Items, Year);
            var lost = await invariants.LostStepsAsync(load.Result);
            var checking = whole.Elapsed;
            var failure = await invariants.ConvergeAsync(TimeSpan.FromSeconds(options.ConvergeSeconds));
            var converged = checking + invariants.SummariesAgreedAfter;
            if (failure is null)
            {
                Note($"summaries agreed with the store {converged.TotalSeconds:F1}s after the cluster was whole (that pass over every non-leaf body took {invariants.LastSummaryPass.TotalSeconds:F1}s); every plan verified at {(checking + invariants.PlansVerifiedAfter).TotalSeconds:F1}s");
            }

            if (failure is null && _undrainedStops > 0)
            {
                failure = $"{_undrainedStops} graceful stop(s) did not drain and exit 0 within {options.DrainSeconds} s";
            }

            return new RunResult(seed, faults.Count(f => f.Kind == FaultKind.KillSilo), faults.Count(f => f.Kind == FaultKind.StopSilo), faults.Count(f => f.Kind == FaultKind.RestartPostgres),
                load.Result.Count, lost, failure is null ? converged : null, api.Bare500s, api.Unavailable503s, failure, _log);
        }
        finally
        {
            foreach (var silo in silos)
            {
                silo.Dispose();
            }

            await database.DropAsync();
        }
    }

    private List<Fault> ScheduleFaults()
    {
        var faults = new List<Fault>();
        for (var i = 0; i < options.Kills; i++)
        {
            faults.Add(new Fault(FaultKind.KillSilo, TimeSpan.FromSeconds(_random.NextDouble() * options.FaultSeconds), _random.Next(options.Silos), TimeSpan.FromSeconds(2 + (_random.NextDouble() * 6))));
        }

        for (var i = 0; i < options.Stops; i++)
        {
            faults.Add(new Fault(FaultKind.StopSilo, TimeSpan.FromSeconds(_random.NextDouble() * options.FaultSeconds), _random.Next(options.Silos), TimeSpan.FromSeconds(1 + (_random.NextDouble() * 3))));
        }

        for (var i = 0; i < options.PostgresRestarts; i++)
        {
            faults.Add(new Fault(FaultKind.RestartPostgres, TimeSpan.FromSeconds(_random.NextDouble() * options.FaultSeconds), 0, TimeSpan.Zero));
        }

        return [.. faults.OrderBy(f => f.At)];
    }

    private async Task InjectAsync(List<SiloProcess> silos, List<Fault> faults, Stopwatch clock)
    {
        var restarts = new List<Task>();
        foreach (var fault in faults)
        {
            var wait = fault.At - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            if (fault.Kind == FaultKind.RestartPostgres)
            {
                Note($"{clock.Elapsed.TotalSeconds:F1}s PostgreSQL crashed and restarted");
                Database.Restart();
                continue;
            }

            var silo = silos[fault.Silo];
            if (!silo.Running || silo.Stopping)
            {
                continue;
            }

            if (fault.Kind == FaultKind.StopSilo)
            {
                // Graceful: the load goes on against the other silos while this one drains.
                Note($"{clock.Elapsed.TotalSeconds:F1}s silo {silo.Index} SIGTERM, restart {fault.Down.TotalSeconds:F1}s after it exits");
                restarts.Add(StopGracefullyAsync(silo, fault.Down, clock));
                continue;
            }

            silo.Kill();
            Note($"{clock.Elapsed.TotalSeconds:F1}s silo {silo.Index} SIGKILL, restart in {fault.Down.TotalSeconds:F1}s");
            restarts.Add(Task.Delay(fault.Down).ContinueWith(_ => silo.Start(), TaskScheduler.Default));
        }

        await Task.WhenAll(restarts);
    }

    /// <summary>
    /// The accounts a run acts as: the bootstrap administrator (reads, checks), an editor of the root
    /// (publishes) and a reporter for each of a sample of the subtree's bodies (posts their steps, since
    /// only a body's own reporter may). Answers the sampled bodies.
    /// </summary>
    private async Task<List<string>> SignInAsync(Api api, ClusterSecrets secrets, IReadOnlyList<string> bodies)
    {
        await api.SignInAsync("admin", secrets.AdminPassword);
        api.DefaultAccount = "admin";
        await api.CreateAccountAsync(EditorAccount, secrets.AdminPassword, options.Root, "editor");
        var sampled = bodies.OrderBy(_ => _random.Next()).Take(Math.Min(options.Reporters, bodies.Count)).ToList();
        foreach (var body in sampled)
        {
            await api.CreateAccountAsync(ReporterAccount(body), secrets.AdminPassword, body, "reporter");
        }

        return sampled;
    }

    private const string EditorAccount = "faultsuite-editor";

    private static string ReporterAccount(string body) => $"faultsuite-reporter-{body}";

    private async Task PublishAsync(Api api)
    {
        var items = new JsonArray();
        for (var i = 1; i <= options.Items; i++)
        {
            items.Add(new JsonObject
            {
                ["id"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["heading"] = $"第{i}项",
                ["text"] = $"故障测试事项{i}：按要求公开相关信息。",
                ["deadlines"] = new JsonArray(new JsonObject { ["text"] = "11月底前", ["kind"] = "by", ["date"] = $"{Year}-11-30" }),
                ["units"] = new JsonArray("办公室"),
            });
        }

        var plan = new JsonObject { ["year"] = Year, ["title"] = "故障测试工作要点", ["docNumber"] = $"测〔{Year}〕1号", ["items"] = items };
        var (status, body) = await api.SendAsync(HttpMethod.Post, $"api/bodies/{options.Root}/plans", plan, attempts: 100, account: EditorAccount);
        if ((int)status is < 200 or >= 300)
        {
            throw new InvalidOperationException($"publish failed: {(int)status} {body[..Math.Min(body.Length, 300)]}");
        }
    }

    /// <summary>Posts 签收 steps of the sampled bodies, each as the body's reporter; answers the (body, item) pairs acknowledged with 200.</summary>
    private async Task<List<(string Body, string Item)>> LoadAsync(Api api, IReadOnlyList<string> bodies, Task published)
    {
        await published;
        var picks = Enumerable.Range(0, options.Steps)
            .Select(_ => (Body: bodies[_random.Next(bodies.Count)], Item: (1 + _random.Next(options.Items)).ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        var acknowledged = new List<(string, string)>();
        var pace = TimeSpan.FromSeconds((double)options.FaultSeconds / Math.Max(1, options.Steps) * 8);
        await Parallel.ForEachAsync(picks.Chunk(Math.Max(1, options.Steps / 8)), async (chunk, _) =>
        {
            foreach (var (body, item) in chunk)
            {
                var step = new JsonObject { ["year"] = Year, ["itemId"] = item, ["step"] = "acknowledged", ["requestId"] = Guid.NewGuid().ToString("N") };
                var (status, _) = await api.SendAsync(HttpMethod.Post, $"api/bodies/{body}/progress", step, account: ReporterAccount(body));
                if ((int)status is >= 200 and < 300)
                {
                    lock (acknowledged)
                    {
                        acknowledged.Add((body, item));
                    }
                }

                await Task.Delay(pace);
            }
        });
        return acknowledged;
    }

    private static async Task WaitReadyAsync(SiloProcess silo, TimeSpan limit)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            try
            {
                if ((await http.GetAsync(new Uri(silo.Url, "health/ready"))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"silo {silo.Index} not ready after {limit.TotalSeconds} s (log: silo{silo.Index}.log)");
    }

    /// <summary>The root and every division below it (no departments: none are registered in a run).</summary>
    private static List<string> Subtree(string root)
    {
        var catalog = DivisionCatalog.China;
        var bodies = new List<string>();
        var queue = new Queue<string>([root]);
        while (queue.TryDequeue(out var id))
        {
            bodies.Add(id);
            foreach (var child in catalog.ChildrenOf(id))
            {
                queue.Enqueue(child);
            }
        }

        return bodies;
    }

    private void Note(string line)
    {
        lock (_log)
        {
            _log.Add(line);
        }

        Console.WriteLine("  " + line);
    }

    private async Task StopGracefullyAsync(SiloProcess silo, TimeSpan down, Stopwatch clock)
    {
        if (!await silo.StopAsync(TimeSpan.FromSeconds(options.DrainSeconds)))
        {
            Interlocked.Increment(ref _undrainedStops);
            Note($"{clock.Elapsed.TotalSeconds:F1}s silo {silo.Index} did not drain and exit 0 within {options.DrainSeconds} s of SIGTERM");
        }
        else
        {
            Note($"{clock.Elapsed.TotalSeconds:F1}s silo {silo.Index} drained and exited");
        }

        await Task.Delay(down);
        silo.Start();
    }

    private enum FaultKind
    {
        KillSilo,
        StopSilo,
        RestartPostgres,
    }

    private sealed record Fault(FaultKind Kind, TimeSpan At, int Silo, TimeSpan Down);
}

public sealed record RunResult(int Seed, int Kills, int Stops, int PostgresRestarts, int Acknowledged, int Lost, TimeSpan? Converged, int Bare500s, int Unavailable503s, string? Failure, IReadOnlyList<string> Faults)
{
    public bool Passed => Lost == 0 && Converged is not null && Bare500s == 0;
}
