using System.Diagnostics;
using System.Text.Json;
using GovOpenness.Domain.Hierarchy;
using GovOpenness.Domain.Progress;

namespace GovOpenness.FaultSuite;

/// <summary>
/// What must hold after a run: every body holds the plan exactly once; every acknowledged step is
/// stored; every level's summary equals a recount from the stored records (items acknowledged, bodies
/// that received the plan).
/// </summary>
public sealed class Invariants(Api api, Database database, IReadOnlyList<string> bodies, int items, int year)
{
    /// <summary>Acknowledged (200) steps whose item is not stored as at least acknowledged.</summary>
    public async Task<int> LostStepsAsync(IReadOnlyList<(string Body, string Item)> acknowledged)
    {
        var stored = await database.StoredProgressAsync(year);
        return acknowledged.Count(a => !stored.TryGetValue(a.Body, out var progress) || progress.ProgressOf(a.Item).Status == ItemStatus.Pending);
    }

    /// <summary>
    /// From the start of <see cref="ConvergeAsync"/> to the end of the summary pass that agreed with the
    /// store (the one before every plan was verified): the convergence figure. The plans' check over every
    /// body (44,700 GETs for the whole country) is not part of it.
    /// </summary>
    public TimeSpan SummariesAgreedAfter { get; private set; }

    /// <summary>How long that agreeing pass over every non-leaf body took (the figure's granularity).</summary>
    public TimeSpan LastSummaryPass { get; private set; }

    /// <summary>When every plan was verified held exactly once.</summary>
    public TimeSpan PlansVerifiedAfter { get; private set; }

    /// <summary>Null once summaries and plans agree with the store; otherwise what still disagreed when time ran out.</summary>
    public async Task<string?> ConvergeAsync(TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        string? problem = "not checked";
        while (clock.Elapsed < limit)
        {
            // Summaries first: their agreement is the figure measured; then the plans, once.
            var pass = clock.Elapsed;
            if ((problem = await SummariesAsync()) is null)
            {
                SummariesAgreedAfter = clock.Elapsed;
                LastSummaryPass = clock.Elapsed - pass;
                if ((problem = await PlansAsync()) is null)
                {
                    PlansVerifiedAfter = clock.Elapsed;
                    return null;
                }
            }

            // A measurement's poll: how long the roll-ups take to reach the stored truth is the figure.
            await Task.Delay(1000);
        }

        // Not converged: name every body that still disagrees, deepest first, so the run says where the roll-up broke.
        return problem is null ? null : problem + "\n" + (await SummariesAsync(all: true) ?? "(agreed at the last look)");
    }

    private async Task<string?> PlansAsync()
    {
        var problems = new List<string>();
        await Parallel.ForEachAsync(bodies, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (body, _) =>
        {
            var (status, text) = await api.SendAsync(HttpMethod.Get, $"api/bodies/{body}/plans/{year}", attempts: 3);
            string? problem = null;
            if (status != System.Net.HttpStatusCode.OK)
            {
                problem = $"{body}: plan {(int)status}";
            }
            else
            {
                var ids = JsonDocument.Parse(text).RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("item").GetProperty("id").GetString()).ToList();
                if (ids.Count != items || ids.Distinct().Count() != items)
                {
                    problem = $"{body}: plan has {ids.Count} items ({ids.Distinct().Count()} distinct), expected {items}";
                }
            }

            if (problem is not null)
            {
                lock (problems)
                {
                    problems.Add(problem);
                }
            }
        });
        return problems.Count == 0 ? null : $"{problems.Count} bodies without the plan exactly once, e.g. {problems[0]}";
    }

    private async Task<string?> SummariesAsync(bool all = false)
    {
        var stored = await database.StoredProgressAsync(year);
        var followers = await database.StoredFollowersAsync(year);
        var inSubtree = bodies.ToHashSet(StringComparer.Ordinal);
        var catalog = DivisionCatalog.China;
        var acknowledged = new Dictionary<string, long>(StringComparer.Ordinal);
        var received = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var body in bodies)
        {
            // A body received the plan if its own record says so or its parent keeps its receipt (a leaf
            // that only follows); each counts once, at its body and at every ancestor inside the subtree.
            var progress = stored.GetValueOrDefault(body);
            var acks = progress?.Items.Count(i => i.Status == ItemStatus.Acknowledged) ?? 0;
            var receipt = progress?.Milestones.ReceivedOn is not null || followers.Contains(body) ? 1 : 0;
            for (var at = body; at is not null && inSubtree.Contains(at); at = catalog.Find(at)?.ParentId)
            {
                acknowledged[at] = acknowledged.GetValueOrDefault(at) + acks;
                received[at] = received.GetValueOrDefault(at) + receipt;
            }
        }

        // Every non-leaf body (3,200 for the whole country), 16 at a time; the first disagreement ends the pass.
        var checkedBodies = bodies.Where(b => catalog.ChildrenOf(b).Count > 0).ToList();
        string? disagreement = null;
        var disagreements = new List<(int Depth, string Line)>();
        using var stop = new CancellationTokenSource();
        try
        {
            await Parallel.ForEachAsync(checkedBodies, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = stop.Token }, async (body, _) =>
            {
                var counts = (await api.GetJsonAsync($"api/bodies/{body}/summary?year={year}")).GetProperty("summary").GetProperty("counts");
                var (ack, rec) = (counts.GetProperty("itemsAcknowledged").GetInt64(), counts.GetProperty("bodiesReceived").GetInt64());
                if (ack != acknowledged.GetValueOrDefault(body) || rec != received.GetValueOrDefault(body))
                {
                    var line = $"{body}: summary itemsAcknowledged {ack}, bodiesReceived {rec}; stored {acknowledged.GetValueOrDefault(body)}, {received.GetValueOrDefault(body)}";
                    Interlocked.CompareExchange(ref disagreement, line, null);
                    if (!all)
                    {
                        await stop.CancelAsync();
                        return;
                    }

                    lock (disagreements)
                    {
                        disagreements.Add((Depth(body), line));
                    }
                }
            });
        }
        catch (OperationCanceledException) when (disagreement is not null)
        {
        }

        if (all && disagreements.Count > 0)
        {
            return $"{disagreements.Count} bodies disagree, deepest first:\n    " + string.Join("\n    ", disagreements.OrderByDescending(d => d.Depth).ThenBy(d => d.Line, StringComparer.Ordinal).Take(30).Select(d => d.Line));
        }

        return disagreement;
    }

    private static int Depth(string body)
    {
        var depth = 0;
        for (var at = DivisionCatalog.China.Find(body)?.ParentId; at is not null; at = DivisionCatalog.China.Find(at)?.ParentId)
        {
            depth++;
        }

        return depth;
    }
}
