using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Hierarchy;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Plans;
using GovOpenness.Domain.Simulation;

namespace GovOpenness.Domain.Tests.Simulation;

/// <summary>
/// One set of deadline rules: for random plans, random calendars and random rules per level, the fast
/// engine (day indices, every body in parallel) and the policy engine (whole plans, body by body, as the
/// grains derive them) give every body the same deadline for every item. Each case is reproducible from
/// its seed, which a failure names.
/// </summary>
public class PolicyAgreementPropertyTests
{
    private const int Cases = 120;
    private static readonly SimulationHierarchy Lvliang = SimulationHierarchy.Build(DivisionCatalog.China, "1411", BodyLevel.Township);

    [Fact]
    public void The_simulation_and_the_policy_engine_give_every_body_the_same_deadlines()
    {
        for (var seed = 0; seed < Cases; seed++)
        {
            var random = new Random(seed);
            var calendar = RandomCalendar(random);
            var scenario = RandomScenario(random, seed);
            var run = SimulationEngine.Run(scenario, Lvliang, calendar, maxParallelism: 2);
            var plans = new PublishedPlan[Lvliang.Count];
            plans[0] = RootPlan(scenario);
            for (var body = 1; body < Lvliang.Count; body++)
            {
                var id = Lvliang.IdOf(body);
                var parentPlan = plans[Lvliang.Parents[body]];
                var policy = PolicyOf(scenario, body);
                var effective = PlanMaterializer.Materialize(parentPlan, policy.Apply(parentPlan, calendar, id), id);
                plans[body] = effective.ToPublishedPlan(1);
                for (var k = 0; k < run.ItemCount; k++)
                {
                    var item = effective.Items.Single(i => i.Item.Id == scenario.Items[k].Id);
                    Assert.True(run.DeadlineOf(body, k) == item.Item.Deadlines[0].Date,
                        $"种子{seed}：机构{id}（{policy.Describe()}）事项{item.Item.Id}：模拟{run.DeadlineOf(body, k):yyyy-MM-dd}，策略{item.Item.Deadlines[0].Date:yyyy-MM-dd}");
                }
            }
        }
    }

    [Fact]
    public void Jittered_rules_differ_between_bodies_yet_agree_between_the_engines()
    {
        // Guards the test above against passing vacuously: its cases do move deadlines, by varying amounts.
        var random = new Random(5);
        var scenario = RandomScenario(random, 5) with
        {
            Levels = Levels(new WorkingDaysBeforeParent(3, 6), new WorkingDaysBeforeParent(2, 4)),
            Overrides = [],
        };
        var run = SimulationEngine.Run(scenario, Lvliang, WorkingDayCalendar.China);
        var townships = Enumerable.Range(0, Lvliang.Count).Where(b => Lvliang.LevelOf(b) == BodyLevel.Township).ToList();
        var gaps = townships.Select(b => run.Days.WorkingDaysBetween(run.Deadlines[b * run.ItemCount], run.Deadlines[Lvliang.Parents[b] * run.ItemCount])).ToList();

        Assert.All(gaps, g => Assert.InRange(g, 2, 6));
        Assert.True(gaps.Distinct().Count() >= 4, string.Join(",", gaps.Distinct()));
    }

    private static DeadlinePolicy PolicyOf(Scenario scenario, int body)
    {
        var own = scenario.Overrides.FirstOrDefault(o => Lvliang.IndexOf(o.BodyId) == body)?.Deadline;
        return (own ?? scenario.BehaviourOf(Lvliang.LevelOf(body)).Deadline).Seeded(SimulationEngine.DeadlineSeed(scenario));
    }

    private static PublishedPlan RootPlan(Scenario scenario) =>
        new("1411", scenario.Start.Year, 1, scenario.PlanTitle, null, scenario.Start,
            [.. scenario.Items.Select(i => new PlanItem(i.Id, ["一", "1"], i.Heading, i.Heading, [new Deadline("", DeadlineKind.By, i.Deadline)], [], 0))]);

    /// <summary>China's weekends with random holidays on weekdays and random weekend days worked in lieu.</summary>
    private static WorkingDayCalendar RandomCalendar(Random random)
    {
        var first = new DateOnly(2021, 1, 1);
        var holidays = Enumerable.Range(0, random.Next(0, 60)).Select(_ => first.AddDays(random.Next(4 * 365))).ToList();
        var workdays = Enumerable.Range(0, random.Next(0, 20)).Select(_ => first.AddDays(random.Next(4 * 365)))
            .Where(d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday).ToList();
        return new WorkingDayCalendar(holidays, workdays, (2021, 2024));
    }

    private static Scenario RandomScenario(Random random, int seed)
    {
        var start = new DateOnly(2022, 1, random.Next(4, 20));
        var items = Enumerable.Range(1, random.Next(1, 6))
            .Select(n => new SimulatedItem($"1.{n}", $"事项{n}", new DateOnly(2022, 6, 1).AddDays(random.Next(400))))
            .ToList();
        var overrides = random.Next(3) == 0
            ? new List<BodyOverride> { new(Lvliang.IdOf(random.Next(1, Lvliang.Count)), null, RandomRule(random)) }
            : [];
        return new Scenario($"随机{seed}", "1411", BodyLevel.Township, start, (ulong)seed, "随机计划", items,
            Levels(RandomRule(random), RandomRule(random)), overrides);
    }

    private static LevelBehaviour?[] Levels(DeadlinePolicy county, DeadlinePolicy township)
    {
        var levels = new LevelBehaviour?[Enum.GetValues<BodyLevel>().Length];
        levels[(int)BodyLevel.County] = Behaviour(county);
        levels[(int)BodyLevel.Township] = Behaviour(township);
        return levels;
    }

    private static LevelBehaviour Behaviour(DeadlinePolicy rule) =>
        new(Distribution.Fixed(0), rule, Distribution.Fixed(10), 0, Distribution.Fixed(0));

    private static DeadlinePolicy RandomRule(Random random)
    {
        DeadlinePolicy rule = random.Next(4) switch
        {
            0 => new AdoptAsIs(),
            1 => new WorkingDaysBeforeParent(random.Next(0, 16), random.Next(0, 6)),
            2 => new EndOfMonth(random.Next(3, 13)),
            _ => new MonthsEarlier(random.Next(0, 4)),
        };
        return rule is AdoptAsIs ? rule : rule with { AllowLater = random.Next(5) == 0 };
    }
}
