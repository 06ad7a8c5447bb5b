using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Hierarchy;
using GovOpenness.Domain.Simulation;

namespace GovOpenness.Domain.Tests.Simulation;

public class ScenarioReaderTests
{
    [Fact]
    public void Reads_levels_rules_distributions_and_overrides()
    {
        var scenario = Scenarios.Read(Scenarios.Lvliang(extra: """
            overrides:
              - { body: "141181", issueDate: 2022-07-14 }
            """));

        Assert.Equal("1411", scenario.RootId);
        Assert.Equal(BodyLevel.Township, scenario.Depth);
        Assert.Equal(new DateOnly(2022, 4, 26), scenario.Start);
        Assert.Equal(2, scenario.Items.Count);
        var county = scenario.Levels[(int)BodyLevel.County]!;
        Assert.Equal(DistributionKind.LogNormal, county.IssueDelay.Kind);
        Assert.Equal(new WorkingDaysBeforeParent(5, 3), county.Deadline);
        Assert.Equal(0.2, county.LateShare);
        Assert.Null(scenario.Levels[(int)BodyLevel.Village]);
        Assert.Equal(new DateOnly(2022, 7, 14), Assert.Single(scenario.Overrides).IssueDate);
    }

    [Fact]
    public void Json_scenarios_read_the_same_as_yaml()
    {
        var json = """
            { "name": "json", "seed": 1, "start": "2022-04-26",
              "scope": { "root": "1411", "depth": "county" },
              "rootPlan": { "items": [ { "id": "A", "deadline": "2022-11-30" } ] },
              "levels": { "county": { "deadlineRule": { "kind": "endOfMonth", "month": 9 } } } }
            """;

        var scenario = Scenarios.Read(json);

        Assert.Equal(new EndOfMonth(9), scenario.Levels[(int)BodyLevel.County]!.Deadline);
    }

    [Theory]
    [InlineData("  city:\n    completion: 3", "levels.city：未知层级")]
    [InlineData("  county:\n    issueDelay: { kind: lognormal, mean: -3 }", "levels.county.issueDelay.mean：不能为负数")]
    [InlineData("  county:\n    completion: { kind: uniform, min: 30, max: 10 }", "levels.county.completion.max：不能小于 min")]
    [InlineData("  county:\n    deadlineRule: { kind: endOfMonth, month: 13 }", "levels.county.deadlineRule.month：13月不存在")]
    [InlineData("  county:\n    deadlineRule: { kind: fortnight }", "levels.county.deadlineRule.kind：未知时限规则")]
    [InlineData("  county:\n    isueDelay: 3", "levels.county.isueDelay：未知字段")]
    [InlineData("  county:\n    lateShare: 1.5", "levels.county.lateShare：应在0到1之间")]
    [InlineData("  county:\n    lateShare: 0.3", "levels.county.lateExtraDelay：")]
    public void Bad_levels_are_rejected_naming_the_field(string levels, string expected)
    {
        var error = Assert.Throws<ScenarioException>(() => Scenarios.Read(Scenarios.Lvliang(levels)));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_seed_is_rejected()
    {
        var error = Assert.Throws<ScenarioException>(() => Scenarios.Read(Scenarios.Lvliang().Replace("seed: 7", "", StringComparison.Ordinal)));

        Assert.Equal("seed", error.Field);
    }

    [Fact]
    public void Unknown_depth_is_rejected()
    {
        var error = Assert.Throws<ScenarioException>(() => Scenarios.Read(Scenarios.Lvliang().Replace("depth: township", "depth: street", StringComparison.Ordinal)));

        Assert.Equal("scope.depth", error.Field);
    }

    [Fact]
    public void Malformed_yaml_names_the_line()
    {
        var error = Assert.Throws<ScenarioException>(() => Scenarios.Read("name: x\nlevels: [unclosed\n"));

        Assert.Contains("行", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_real_document_as_root_plan_gives_one_item_per_dated_deadline()
    {
        var scenario = Scenarios.Read(WithRootPlan("../documents/001_3b734d94e06de046.txt"));

        // 晋政办发〔2022〕38号: (二) of 三 has 8月底 and 9月底; 每年3月底前 is past in April, so next year's.
        Assert.Contains(scenario.Items, i => i.Id == "3.2-1" && i.Deadline == new DateOnly(2022, 8, 31));
        Assert.Contains(scenario.Items, i => i.Id == "3.2-2" && i.Deadline == new DateOnly(2022, 9, 30));
        Assert.Contains(scenario.Items, i => i.Id == "2.2" && i.Deadline == new DateOnly(2023, 3, 31));
        // 11月底前 appears four times, twice within (一) of 二: the same date in one item counts once.
        Assert.Equal(["2.1", "3.1-1", "5.3"], scenario.Items.Where(i => i.Deadline == new DateOnly(2022, 11, 30)).Select(i => i.Id));
    }

    [Fact]
    public void A_parsed_plan_json_as_root_plan_reads_like_the_document()
    {
        var document = Path.Combine(Scenarios.SamplesDirectory, "..", "documents", "001_3b734d94e06de046.txt");
        var json = Path.Combine(Path.GetTempPath(), $"plan-{Guid.NewGuid():N}.json");
        File.WriteAllText(json, GovOpenness.Domain.Plans.PlanJson.Serialize(GovOpenness.Domain.Parsing.PlanParser.Parse(File.ReadAllText(document))));
        try
        {
            var fromJson = Scenarios.Read(WithRootPlan(json));
            var fromText = Scenarios.Read(WithRootPlan("../documents/001_3b734d94e06de046.txt"));

            Assert.Equal(fromText.Items, fromJson.Items);
        }
        finally
        {
            File.Delete(json);
        }
    }

    [Fact]
    public void A_missing_root_plan_file_is_rejected_naming_the_field()
    {
        var error = Assert.Throws<ScenarioException>(() => Scenarios.Read(WithRootPlan("../documents/nope.txt")));

        Assert.Equal("rootPlan", error.Field);
        Assert.Contains("不存在", error.Message, StringComparison.Ordinal);
    }

    private static string WithRootPlan(string path)
    {
        var inline = Scenarios.Lvliang();
        return inline[..inline.IndexOf("rootPlan:", StringComparison.Ordinal)]
            + $"rootPlan: {path}\n"
            + inline[inline.IndexOf("levels:", StringComparison.Ordinal)..];
    }
}
