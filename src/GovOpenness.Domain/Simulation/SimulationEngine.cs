using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Hierarchy;
using GovOpenness.Domain.Localization;

namespace GovOpenness.Domain.Simulation;

/// <summary>
/// The fast in-process engine: propagates the root plan down the hierarchy on a virtual clock with
/// China's working-day calendar. Each body receives its parent's plan on the parent's issue day,
/// issues its own after a drawn delay, sets its deadlines by its level's rule (a localization
/// <see cref="DeadlinePolicy"/>, the same per-date function the grains run) and completes each
/// item after a drawn number of working days. The root's child subtrees run in parallel; every
/// draw comes from a stream seeded by (seed, body code), so results do not depend on threads.
/// </summary>
public static class SimulationEngine
{
    // Separate streams per purpose: changing one level's deadline rule (a what-if) leaves every
    // body's issue delays and completion times unchanged, so two runs compare body by body.
    private const ulong IssueSalt = 0x1550E_0001UL;
    private const ulong DeadlineSalt = 0xDEAD_0002UL;
    private const ulong CompletionSalt = 0xC0DE_0003UL;

    /// <summary>The seed a scenario's deadline draws use (<see cref="DeadlinePolicy.Seeded"/>).</summary>
    public static ulong DeadlineSeed(Scenario scenario) => scenario.Seed ^ DeadlineSalt;

    /// <summary>Runs a scenario over the real hierarchy and calendar.</summary>
    /// <param name="progress">Called with the number of bodies just finished (from worker threads).</param>
    /// <exception cref="ScenarioException">The scenario cannot be simulated; the message names the field.</exception>
    public static SimulationRun Run(Scenario scenario, Action<int>? progress = null) =>
        Run(scenario, SimulationHierarchy.Build(DivisionCatalog.China, scenario.RootId, scenario.Depth), WorkingDayCalendar.China, progress);

    /// <param name="maxParallelism">Threads to use (default: all cores); results are the same for any value.</param>
    public static SimulationRun Run(Scenario scenario, SimulationHierarchy hierarchy, WorkingDayCalendar calendar, Action<int>? progress = null, int maxParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(hierarchy);
        var days = WindowFor(scenario, calendar);
        var overrides = ScenarioValidator.Validate(scenario, hierarchy, days);
        var run = new SimulationRun(scenario, hierarchy, days);
        var context = new Context(scenario, run, overrides);

        SimulateRoot(context);
        progress?.Invoke(1);
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxParallelism };
        Parallel.ForEach(hierarchy.Segments, options, segment =>
        {
            for (var body = segment.Start; body < segment.End; body++)
            {
                SimulateBody(context, body);
            }

            progress?.Invoke(segment.End - segment.Start);
        });
        return run;
    }

    /// <summary>The calendar window: from a year before the earliest date to four years after the latest.</summary>
    public static WorkingDayIndex WindowFor(Scenario scenario, WorkingDayCalendar calendar)
    {
        var earliest = scenario.Items.Select(i => i.Deadline).Append(scenario.Start).Min();
        var latest = scenario.Items.Select(i => i.Deadline).Append(scenario.Start).Max();
        return new WorkingDayIndex(calendar, earliest.AddYears(-1), latest.AddYears(4));
    }

    private static void SimulateRoot(Context c)
    {
        var run = c.Run;
        var start = run.Days.IndexOf(c.Scenario.Start);
        run.Receipts[0] = start;
        run.Issues[0] = start;
        var completion = new BodyRandom(c.Scenario.Seed ^ CompletionSalt, run.Hierarchy.Codes[0]);
        var behaviour = c.Behaviours[run.Hierarchy.Levels[0]];
        for (var k = 0; k < run.ItemCount; k++)
        {
            run.Deadlines[k] = run.Days.IndexOf(c.Scenario.Items[k].Deadline);
            run.Completions[k] = run.Days.AddWorkingDays(start, behaviour.Completion.SampleDays(ref completion));
        }
    }

    private static void SimulateBody(Context c, int body)
    {
        var run = c.Run;
        var days = run.Days;
        var code = run.Hierarchy.Codes[body];
        var level = run.Hierarchy.Levels[body];
        var behaviour = c.Behaviours[level];
        var parent = run.Hierarchy.Parents[body];
        var receipt = run.Issues[parent];

        var issueRandom = new BodyRandom(c.Scenario.Seed ^ IssueSalt, code);
        var delay = behaviour.IssueDelay.SampleDays(ref issueRandom);
        var late = issueRandom.NextDouble() < behaviour.LateShare;
        var extra = behaviour.LateExtraDelay.SampleDays(ref issueRandom); // drawn always: keeps streams aligned
        var issue = days.NextWorkingDayOnOrAfter(Math.Min(receipt + delay + (late ? extra : 0), days.Length - 1));

        var rule = c.Deadlines[level];
        if (c.Overrides.Count > 0 && c.Overrides.TryGetValue(body, out var o))
        {
            if (o.IssueDate is { } date)
            {
                issue = Math.Max(receipt, days.IndexOf(date));
                late = false; // a recorded fact, not a draw from the level's late share
            }

            rule = o.Deadline?.Seeded(c.DeadlineSeed) ?? rule;
        }

        run.Receipts[body] = receipt;
        run.Issues[body] = issue;
        run.Late[body] = late;
        var bodyKey = (ulong)code; // DeadlineDraw.BodyKeyOf(the body's id), without formatting the id
        var completionRandom = new BodyRandom(c.Scenario.Seed ^ CompletionSalt, code);
        var items = run.ItemCount;
        var mine = body * items;
        var parents = parent * items;
        for (var k = 0; k < items; k++)
        {
            var parentDeadline = days.DateOf(run.Deadlines[parents + k]);
            run.Deadlines[mine + k] = days.IndexOf(rule.Resolve(parentDeadline, new DeadlineContext(c.PlanYear, days, bodyKey, c.ItemKeys[k])));
            run.Completions[mine + k] = days.AddWorkingDays(receipt, behaviour.Completion.SampleDays(ref completionRandom));
        }
    }

    /// <summary>What every body's step reads, resolved once per run.</summary>
    private sealed class Context
    {
        public Context(Scenario scenario, SimulationRun run, Dictionary<int, BodyOverride> overrides)
        {
            Scenario = scenario;
            Run = run;
            Overrides = overrides;
            Behaviours = [.. Enumerable.Range(0, scenario.Levels.Count).Select(l => scenario.BehaviourOf((BodyLevel)l))];
            PlanYear = scenario.Start.Year;
            DeadlineSeed = SimulationEngine.DeadlineSeed(scenario);
            Deadlines = [.. Behaviours.Select(b => b.Deadline.Seeded(DeadlineSeed))];
            ItemKeys = [.. scenario.Items.Select(i => DeadlineDraw.ItemKeyOf(i.Id, 0))];
        }

        public Scenario Scenario { get; }

        public SimulationRun Run { get; }

        public Dictionary<int, BodyOverride> Overrides { get; }

        public LevelBehaviour[] Behaviours { get; }

        /// <summary>The plan's year: month rules only move deadlines within it.</summary>
        public int PlanYear { get; }

        public ulong DeadlineSeed { get; }

        /// <summary>Each level's deadline rule, seeded for the run.</summary>
        public DeadlinePolicy[] Deadlines { get; }

        /// <summary>Each item's key for per-item draws (each simulated item has one deadline, index 0).</summary>
        public ulong[] ItemKeys { get; }
    }
}
