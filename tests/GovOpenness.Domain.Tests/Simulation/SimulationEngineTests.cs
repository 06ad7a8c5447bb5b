using System.Text.Json;
using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Hierarchy;
using GovOpenness.Domain.Simulation;

namespace GovOpenness.Domain.Tests.Simulation;

public class SimulationEngineTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.China;

    [Fact]
    public void Same_scenario_and_seed_give_identical_output()
    {
        var scenario = Scenarios.Sample("shanxi-2022-townships.yaml");

        var first = SimulationEngine.Run(scenario);
        var second = SimulationEngine.Run(scenario);

        Assert.Equal(first.Issues, second.Issues);
        Assert.Equal(first.Deadlines, second.Deadlines);
        Assert.Equal(first.Completions, second.Completions);
        Assert.Equal(
            JsonSerializer.Serialize(SimulationSummarizer.Summarize(first)),
            JsonSerializer.Serialize(SimulationSummarizer.Summarize(second)));
    }

    [Fact]
    public void A_different_seed_gives_different_issue_dates()
    {
        var scenario = Scenarios.Read(Scenarios.Lvliang());

        var a = SimulationEngine.Run(scenario);
        var b = SimulationEngine.Run(scenario with { Seed = scenario.Seed + 1 });

        Assert.NotEqual(a.Issues, b.Issues);
    }

    [Fact]
    public void Every_body_of_the_scope_is_simulated_exactly_once()
    {
        var scenario = Scenarios.Sample("shanxi-2022-townships.yaml");
        var catalog = DivisionCatalog.China;
        var expected = new List<string>();
        var pending = new Stack<string>([scenario.RootId]);
        while (pending.TryPop(out var id))
        {
            expected.Add(id);
            foreach (var child in catalog.ChildrenOf(id))
            {
                pending.Push(child);
            }
        }

        var run = SimulationEngine.Run(scenario);
        var simulated = Enumerable.Range(0, run.Hierarchy.Count).Select(run.Hierarchy.IdOf).ToList();

        Assert.Equal(expected.Order(StringComparer.Ordinal), simulated.Order(StringComparer.Ordinal));
        Assert.Equal(run.Hierarchy.Count, SimulationSummarizer.Summarize(run).Levels.Sum(l => l.Bodies));
    }

    [Fact]
    public void Villages_are_synthesized_from_the_township_counts()
    {
        var catalog = DivisionCatalog.China;
        var hierarchy = SimulationHierarchy.Build(catalog, "1411", BodyLevel.Village);
        var townships = Enumerable.Range(0, hierarchy.Count).Where(i => hierarchy.LevelOf(i) == BodyLevel.Township).ToList();

        Assert.Equal(townships.Sum(t => catalog.VillageCount(hierarchy.IdOf(t))), hierarchy.CountByLevel[(int)BodyLevel.Village]);
        var first = townships.First(t => catalog.VillageCount(hierarchy.IdOf(t)) > 0);
        Assert.Equal($"{hierarchy.IdOf(first)}001", hierarchy.IdOf(first + 1));
        Assert.Equal(first, hierarchy.Parents[first + 1]);
        Assert.Equal(hierarchy.Count, Enumerable.Range(0, hierarchy.Count).Select(hierarchy.IdOf).Distinct().Count());
    }

    [Fact]
    public void No_child_deadline_is_later_than_its_parents()
    {
        // The county rule asks for 12月底, later than the plan's 11月底: capped at the parent's.
        var levels = Scenarios.DefaultLevels.Replace("{ kind: workingDaysBefore, days: 5, jitter: 3 }", "{ kind: endOfMonth, month: 12 }", StringComparison.Ordinal);
        var run = SimulationEngine.Run(Scenarios.Read(Scenarios.Lvliang(levels)));

        for (var body = 1; body < run.Hierarchy.Count; body++)
        {
            for (var item = 0; item < run.ItemCount; item++)
            {
                Assert.True(run.DeadlineOf(body, item) <= run.DeadlineOf(run.Hierarchy.Parents[body], item));
            }
        }

        Assert.Equal(0, SimulationSummarizer.Summarize(run).LaterThanParent);
    }

    [Fact]
    public void A_scenario_may_allow_later_deadlines_as_an_exception()
    {
        var levels = Scenarios.DefaultLevels.Replace("{ kind: workingDaysBefore, days: 5, jitter: 3 }", "{ kind: endOfMonth, month: 12, allowLater: true }", StringComparison.Ordinal);
        var run = SimulationEngine.Run(Scenarios.Read(Scenarios.Lvliang(levels)));
        var report = SimulationSummarizer.Summarize(run);

        var counties = report.Levels.Single(l => l.Level == BodyLevel.County);
        Assert.Equal(counties.Bodies, counties.Items.Single(i => i.ItemId == "A").LaterThanParent);
        Assert.Equal(new DateOnly(2022, 12, 31), counties.Items.Single(i => i.ItemId == "A").Deadlines!.Max);
    }

    [Fact]
    public void Deadlines_and_days_left_follow_the_working_day_calendar()
    {
        var run = SimulationEngine.Run(Scenarios.Read(Scenarios.Lvliang()));

        for (var body = 1; body < run.Hierarchy.Count; body++)
        {
            var parent = run.Hierarchy.Parents[body];
            Assert.Equal(run.IssueOf(parent), run.ReceiptOf(body));
            Assert.True(Calendar.IsWorkingDay(run.IssueOf(body)));
            Assert.True(run.IssueOf(body) >= run.ReceiptOf(body));
            for (var item = 0; item < run.ItemCount; item++)
            {
                Assert.Equal(Calendar.WorkingDaysBetween(run.ReceiptOf(body), run.DeadlineOf(body, item)), run.DaysLeft(body, item));
                if (run.Hierarchy.LevelOf(body) == BodyLevel.Township)
                {
                    // Townships: exactly 3 working days before the county's.
                    Assert.Equal(Calendar.SubtractWorkingDays(run.DeadlineOf(parent, item), 3), run.DeadlineOf(body, item));
                }
            }
        }
    }

    [Fact]
    public void An_override_fixes_a_bodys_real_issue_date()
    {
        var scenario = Scenarios.Sample("shanxi-2022-townships.yaml");
        var run = SimulationEngine.Run(scenario);

        var xiaoyi = run.Hierarchy.IndexOf("141181");
        Assert.Equal(new DateOnly(2022, 7, 14), run.IssueOf(xiaoyi));
        var firstTownship = xiaoyi + 1;
        Assert.Equal(xiaoyi, run.Hierarchy.Parents[firstTownship]);
        Assert.Equal(new DateOnly(2022, 7, 14), run.ReceiptOf(firstTownship));
    }

    [Fact]
    public void Infeasible_bodies_are_those_with_a_passed_deadline_or_under_ten_working_days()
    {
        var run = SimulationEngine.Run(Scenarios.Read(Scenarios.Lvliang()));
        var report = SimulationSummarizer.Summarize(run);

        var expected = 0;
        var passed = 0;
        for (var body = 0; body < run.Hierarchy.Count; body++)
        {
            var receipt = run.ReceiptOf(body);
            var deadlines = Enumerable.Range(0, run.ItemCount).Select(i => run.DeadlineOf(body, i)).ToList();
            var anyPassed = deadlines.Any(d => d < receipt);
            passed += anyPassed ? 1 : 0;
            expected += anyPassed || deadlines.Any(d => Calendar.WorkingDaysBetween(receipt, d) < 10) ? 1 : 0;
        }

        Assert.Equal(expected, report.Infeasible);
        Assert.Equal(passed, report.Passed);
        Assert.True(report.Infeasible > 0, "item B (7月15日) should leave some township too little time");
    }

    [Fact]
    public void The_critical_path_descends_from_the_root_into_the_worst_subtree()
    {
        var run = SimulationEngine.Run(Scenarios.Read(Scenarios.Lvliang()));
        var report = SimulationSummarizer.Summarize(run);

        Assert.Equal("1411", report.CriticalPath[0].BodyId);
        Assert.Equal(report.Infeasible, report.CriticalPath[0].InfeasibleBelow);
        for (var step = 1; step < report.CriticalPath.Count; step++)
        {
            var body = run.Hierarchy.IndexOf(report.CriticalPath[step].BodyId);
            Assert.Equal(report.CriticalPath[step - 1].BodyId, run.Hierarchy.IdOf(run.Hierarchy.Parents[body]));
            Assert.True(report.CriticalPath[step].InfeasibleBelow <= report.CriticalPath[step - 1].InfeasibleBelow);
        }

        Assert.Equal(BodyLevel.Township, report.CriticalPath[^1].Level);
    }

    [Fact]
    public void Moving_a_deadline_from_november_to_september_leaves_more_townships_short()
    {
        var november = SimulationSummarizer.Summarize(SimulationEngine.Run(Scenarios.Sample("whatif-shanxi-nov.yaml")));
        var september = SimulationSummarizer.Summarize(SimulationEngine.Run(Scenarios.Sample("whatif-shanxi-sep.yaml")));

        static int Townships(SimulationReport r, string item) =>
            r.Levels.Single(l => l.Level == BodyLevel.Township).Items.Single(i => i.ItemId == item).Infeasible;
        Assert.True(Townships(september, "3.1") > Townships(november, "3.1"));
        Assert.True(september.Infeasible > november.Infeasible);
        Assert.Equal(november.Bodies, september.Bodies);
    }

    [Fact]
    public void A_rule_that_yields_a_date_before_the_plan_exists_is_rejected()
    {
        var levels = Scenarios.DefaultLevels.Replace("{ kind: workingDaysBefore, days: 3 }", "{ kind: workingDaysBefore, days: 120 }", StringComparison.Ordinal);

        var error = Assert.Throws<ScenarioException>(() => SimulationEngine.Run(Scenarios.Read(Scenarios.Lvliang(levels))));

        Assert.Equal("levels.township.deadlineRule", error.Field);
        Assert.Contains("不可能", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_body_in_overrides_is_rejected()
    {
        var scenario = Scenarios.Read(Scenarios.Lvliang(extra: "overrides:\n  - { body: \"140105\", issueDate: 2022-05-01 }"));

        var error = Assert.Throws<ScenarioException>(() => SimulationEngine.Run(scenario));

        Assert.Equal("overrides[0].body", error.Field);
    }

    [Fact]
    public void A_level_in_scope_without_behaviour_is_rejected()
    {
        var scenario = Scenarios.Read(Scenarios.Lvliang(Scenarios.DefaultLevels[..Scenarios.DefaultLevels.IndexOf("  township:", StringComparison.Ordinal)]));

        var error = Assert.Throws<ScenarioException>(() => SimulationEngine.Run(scenario));

        Assert.Equal("levels.township", error.Field);
    }

    [Fact]
    public void An_unknown_root_is_rejected()
    {
        var scenario = Scenarios.Read(Scenarios.Lvliang().Replace("root: \"1411\"", "root: \"99\"", StringComparison.Ordinal));

        var error = Assert.Throws<ScenarioException>(() => SimulationEngine.Run(scenario));

        Assert.Equal("scope.root", error.Field);
    }

    [Fact]
    public void The_whole_country_down_to_villages_simulates_every_body_once_within_the_rules()
    {
        var catalog = DivisionCatalog.China;
        var run = SimulationEngine.Run(Scenarios.Sample("china-2022-villages.yaml"));
        var report = SimulationSummarizer.Summarize(run);

        Assert.Equal(catalog.Count + catalog.TotalVillages, run.Hierarchy.Count);
        Assert.Equal(catalog.TotalVillages, run.Hierarchy.CountByLevel[(int)BodyLevel.Village]);
        Assert.Equal(run.Hierarchy.Count, report.Bodies);
        Assert.Equal(0, report.LaterThanParent);
        var parents = run.Hierarchy.Parents;
        var misordered = 0;
        var misreceived = 0;
        for (var body = 1; body < run.Hierarchy.Count; body++)
        {
            misordered += parents[body] < body ? 0 : 1;
            misreceived += run.Issues[parents[body]] == run.Receipts[body] ? 0 : 1;
        }

        Assert.Equal(0, misordered);
        Assert.Equal(0, misreceived);
    }

    [Theory]
    [InlineData("shanxi-2022-townships.yaml", "14")]
    [InlineData("whatif-shanxi-nov.yaml", "14")]
    [InlineData("whatif-shanxi-sep.yaml", "14")]
    [InlineData("lvliang-2022-townships.json", "1411")]
    public void Sample_scenarios_run_down_to_townships(string file, string root)
    {
        var report = SimulationSummarizer.Summarize(SimulationEngine.Run(Scenarios.Sample(file)));

        Assert.Equal(root, report.CriticalPath[0].BodyId);
        Assert.Equal(BodyLevel.Township, report.Levels[^1].Level);
        Assert.Equal(0, report.LaterThanParent);
    }

    [Fact]
    public void About_the_late_share_of_a_level_issues_late()
    {
        var report = SimulationSummarizer.Summarize(SimulationEngine.Run(Scenarios.Sample("shanxi-2022-townships.yaml")));

        var townships = report.Levels.Single(l => l.Level == BodyLevel.Township); // lateShare: 0.1 of 1,352
        Assert.InRange((double)townships.Late / townships.Bodies, 0.07, 0.13);
        Assert.Equal(0, report.Levels.Single(l => l.Level == BodyLevel.Province).Late);
    }

    [Fact]
    public void One_thread_and_all_threads_give_the_same_result()
    {
        var scenario = Scenarios.Sample("shanxi-2022-townships.yaml");
        var hierarchy = SimulationHierarchy.Build(DivisionCatalog.China, scenario.RootId, scenario.Depth);

        var sequential = SimulationEngine.Run(scenario, hierarchy, Calendar, maxParallelism: 1);
        var parallel = SimulationEngine.Run(scenario, hierarchy, Calendar, maxParallelism: 8);

        Assert.Equal(sequential.Issues, parallel.Issues);
        Assert.Equal(sequential.Deadlines, parallel.Deadlines);
        Assert.Equal(sequential.Completions, parallel.Completions);
        Assert.Equal(sequential.Late, parallel.Late);
    }
}
