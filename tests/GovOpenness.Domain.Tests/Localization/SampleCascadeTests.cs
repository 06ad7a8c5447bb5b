using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Localization.Samples;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Tests.Localization;

/// <summary>The sample mappings checked against 001's item structure (hand-written skeleton, so these
/// run without the parser; SampleCascadeParsedTests repeats the key checks on the parsed documents).</summary>
public class SampleCascadeTests
{
    private static readonly SampleCascade Cascade = SampleCascade.LoadEmbedded();
    private static readonly PublishedPlan Province = Province2022Skeleton.Plan();

    private static SampleLocalization Sample(string bodyId) => Cascade.Localizations.Single(l => l.BodyId == bodyId);

    private static LocalizedPlan Xiaoyi()
    {
        var luliang = PlanMaterializer.Materialize(Province, Sample("1411").Localization, "1411").ToPublishedPlan(1);
        return PlanMaterializer.Materialize(luliang, Sample("141181").Localization, "141181");
    }

    [Fact]
    public void The_embedded_copy_is_the_samples_folder()
    {
        var fromFolder = SampleCascade.Load(SamplesFolder.Path);

        Assert.Equal(fromFolder.Plans.Select(p => (p.BodyId, p.Year, p.Text)), Cascade.Plans.Select(p => (p.BodyId, p.Year, p.Text)));
        Assert.Equal(fromFolder.Localizations.Select(l => l.Localization), Cascade.Localizations.Select(l => l.Localization));
        Assert.Equal(fromFolder.Departments.AsEnumerable(), Cascade.Departments.AsEnumerable());
    }

    [Fact]
    public void The_cascade_publishes_three_plans_and_localizes_three_bodies_parents_first()
    {
        Assert.Equal([("14", 2021), ("14", 2022), ("32.sthj", 2022)], Cascade.Plans.Select(p => (p.BodyId, p.Year)));
        Assert.Equal(["1411", "141181", "14.sthj"], Cascade.Localizations.Select(l => l.BodyId));
        Assert.True(Sample("1411").Localization.IsAdoptedAsIs);
        Assert.Equal("1411", Sample("141181").Localization.ParentBodyId);
        Assert.Equal("14", Sample("14.sthj").Localization.ParentBodyId);
        Assert.Equal(["14.sthj", "32.sthj"], Cascade.Departments.Select(d => d.Id));
    }

    [Theory]
    [InlineData("141181", "2022-07-14")]
    [InlineData("14.sthj", "2022-09-05")]
    public void The_recorded_changes_are_valid_against_the_province_plan_on_the_day_of_issue(string bodyId, string issued)
    {
        var localization = Sample(bodyId).Localization with { ParentBodyId = "14" };

        var result = LocalizationValidator.Default.Validate(Province, localization, DateOnly.Parse(issued, System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(result.IsValid, string.Join("\n", result.Errors.Select(e => e.Message)));
    }

    [Fact]
    public void The_environment_department_adopting_in_september_is_warned_of_the_passed_august_deadline()
    {
        var localization = Sample("14.sthj").Localization;

        var result = LocalizationValidator.Default.Validate(Province, localization, new DateOnly(2022, 9, 5));

        Assert.Contains(result.Warnings, w => w.ItemId == "3.2" && w.Code == "deadline-passed" && w.Message.Contains("2022-08-31"));
    }

    [Theory]
    [InlineData("141181")]
    [InlineData("14.sthj")]
    public void Every_province_item_is_carried_out_or_dropped_with_a_reason(string bodyId)
    {
        var sample = Sample(bodyId);
        var carried = sample.Items.SelectMany(i => i.CarriesOut).ToHashSet();
        var dropped = sample.Localization.Changes.OfType<Drop>().Select(d => d.ItemId).ToHashSet();

        Assert.All(carried, id => Assert.NotNull(Province.FindItem(id)));
        foreach (var item in Province.Items.Where(i => i.Depth > 1))
        {
            Assert.True(carried.Contains(item.Id) ^ dropped.Contains(item.Id), $"{bodyId}：省级事项{item.Id}须恰好被执行或不执行之一");
        }
    }

    [Fact]
    public void Xiaoyi_moves_the_law_enforcement_and_traffic_deadlines_to_the_end_of_july()
    {
        var item = Xiaoyi().FindItem("2.1")!;

        Assert.Equal([new DateOnly(2022, 7, 31), new DateOnly(2022, 7, 31)], item.Item.Deadlines.Select(d => d.Date!.Value));
        Assert.Equal("做好行政执法信息公开；做好道路交管信息公开", item.Item.Heading);
        Assert.Equal(["市司法局", "市公安局"], item.Item.Units);
    }

    [Fact]
    public void Xiaoyi_diff_shows_each_move_from_the_province_date()
    {
        var diff = PlanComparison.Compute(Province, Xiaoyi());

        var moves = diff.Where(d => d.Deadlines.Length > 0)
            .SelectMany(d => d.Deadlines.Select(m => (d.ItemId, m.Index, m.From, m.To!.Value)))
            .ToList();
        Assert.Contains(("2.1", 0, (DateOnly?)new DateOnly(2022, 11, 30), new DateOnly(2022, 7, 31)), moves);
        Assert.Contains(("3.1", 1, (DateOnly?)new DateOnly(2022, 12, 31), new DateOnly(2022, 7, 31)), moves);
        Assert.Contains(("3.1", 2, (DateOnly?)new DateOnly(2022, 10, 1), new DateOnly(2022, 8, 1)), moves);
        Assert.Contains(("3.2", 0, (DateOnly?)new DateOnly(2022, 8, 31), new DateOnly(2022, 7, 31)), moves);
        Assert.Contains(("4.2", 0, (DateOnly?)null, new DateOnly(2022, 7, 31)), moves);
        Assert.Contains(("6.3", 0, (DateOnly?)new DateOnly(2022, 12, 31), new DateOnly(2022, 8, 31)), moves);
        Assert.DoesNotContain(moves, m => m.ItemId == "3.2" && m.Index == 1);
        Assert.Equal(["1.3", "4.4", "6.1", "6.2"], diff.Where(d => d.Kind == ItemDiffKind.Dropped).Select(d => d.ItemId));
        Assert.Equal("做好疫情防控信息公开", Assert.Single(diff, d => d.Kind == ItemDiffKind.Added).Heading);
    }

    [Fact]
    public void The_environment_department_moves_no_deadline()
    {
        var plan = PlanMaterializer.Materialize(Province, Sample("14.sthj").Localization, "14.sthj");

        Assert.All(PlanComparison.Compute(Province, plan), d => Assert.Empty(d.Deadlines.Where(m => m.From is not null)));
        Assert.Equal(["L1", "L2"], plan.Items.Where(i => i.ParentItemId is null).Select(i => i.Item.Id));
        Assert.Equal(DeadlineKind.WorkingDays, plan.FindItem("L1")!.Item.Deadlines.Single().Kind);
        Assert.Empty(plan.Issues);
    }
}
