using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Desk;
using GovOpenness.Domain.Hierarchy;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Progress;

namespace GovOpenness.Domain.Tests.Desk;

/// <summary>The supervisor's desk rules: as-of rebuilds, filters, the 台账's rows and CSV, the score in words.</summary>
public class DeskTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.China;
    private static readonly DateOnly Today = new(2026, 12, 4);

    private static BodyProgress Progress()
    {
        var body = new BodyProgress("141181", 2022, "1411").WithTargets(
        [
            new ItemTarget("1", null),
            new ItemTarget("1.1", new DateOnly(2022, 7, 31)),
            new ItemTarget("1.2", new DateOnly(2022, 11, 30)),
            new ItemTarget("1.3", null),
        ]);
        body = body.Apply(new ProgressUpdate(2022, "1.1", ProgressStep.Acknowledged, null, null, [], null), new DateOnly(2022, 5, 10)).Body;
        body = body.Apply(new ProgressUpdate(2022, "1.1", ProgressStep.Reported, null, "已公开", ["https://example.gov.cn/1"], null), new DateOnly(2022, 7, 20)).Body;
        body = body.Apply(new ProgressUpdate(2022, "1.1", ProgressStep.Accepted, null, null, [], null), new DateOnly(2023, 1, 5), "1411").Body;
        body = body.Apply(new ProgressUpdate(2022, "1.2", ProgressStep.Acknowledged, null, null, [], null), new DateOnly(2023, 2, 1)).Body;
        return body;
    }

    private static BodySheet Sheet() => new(
        new Body("141181", "孝义市", "1411", BodyLevel.County),
        [new Body("cn", "国务院", null, BodyLevel.Nation), new Body("14", "山西省", "cn", BodyLevel.Province), new Body("1411", "吕梁市", "14", BodyLevel.Prefecture), new Body("141181", "孝义市", "1411", BodyLevel.County)],
        Progress(),
        [new LedgerItem("1", "一、重点领域信息公开", "", [], 1), new LedgerItem("1.1", "做好重大建设项目信息公开", "7月底前", ["市发改局"]), new LedgerItem("1.2", "做好市场监管信息公开", "11月底前", ["市市场监管局", "各乡镇"]), new LedgerItem("1.3", "=HYPERLINK(\"x\")", "持续推进", [])]);

    [Fact]
    public void As_of_a_past_day_later_steps_are_undone()
    {
        var atYearEnd = ProgressAsOf.At(Progress(), new DateOnly(2022, 12, 31));

        Assert.Equal(ItemStatus.Reported, atYearEnd.ProgressOf("1.1").Status); // closed only in 2023
        Assert.Equal(ItemStatus.Pending, atYearEnd.ProgressOf("1.2").Status); // acknowledged only in 2023
        Assert.Equal(ItemStatus.Closed, ProgressAsOf.At(Progress(), new DateOnly(2023, 1, 5)).ProgressOf("1.1").Status);
        Assert.Equal(ItemStatus.Acknowledged, ProgressAsOf.At(Progress(), new DateOnly(2022, 6, 1)).ProgressOf("1.1").Status);
        var now = Progress(); // one instance: an item's evidence is an immutable array, equal only to itself
        Assert.Equal(now.Items.ToList(), ProgressAsOf.At(now, Today).Items.ToList()); // lists: ImmutableArray equals by reference
    }

    [Fact]
    public void As_of_the_year_end_a_2022_plan_is_not_a_wall_of_red()
    {
        var now = ItemStanding.Of(Progress(), Today, Calendar);
        var then = ItemStanding.Of(ProgressAsOf.At(Progress(), new DateOnly(2022, 12, 31)), new DateOnly(2022, 12, 31), Calendar);

        var nowDays = now.Single(r => r.ItemId == "1.2").OverdueDays;
        var thenDays = then.Single(r => r.ItemId == "1.2").OverdueDays;
        Assert.Equal(31, thenDays); // 2022-11-30 → 2022-12-31
        Assert.True(nowDays > 1400, $"{nowDays}");
    }

    [Fact]
    public void Filters_find_the_bodies_that_have_not_acknowledged_an_item()
    {
        var standing = BodyStanding.Of(Sheet(), Today, Calendar, itemId: "1.3");

        Assert.True(new SubtreeFilter(Step: DeskStep.Pending, ItemId: "1.3").Matches(standing));
        Assert.False(new SubtreeFilter(Step: DeskStep.Pending, ItemId: "1.1").Matches(BodyStanding.Of(Sheet(), Today, Calendar, itemId: "1.1")));
        Assert.True(new SubtreeFilter(Step: DeskStep.Closed, ItemId: "1.1").Matches(BodyStanding.Of(Sheet(), Today, Calendar, itemId: "1.1")));
        Assert.False(new SubtreeFilter(ItemId: "9.9").Matches(BodyStanding.Of(Sheet(), Today, Calendar, itemId: "9.9")));
        Assert.True(new SubtreeFilter(Light: ProgressLight.Red, Overdue: true, Level: BodyLevel.County).Matches(BodyStanding.Of(Sheet(), Today, Calendar)));
        Assert.False(new SubtreeFilter(Level: BodyLevel.Township).Matches(BodyStanding.Of(Sheet(), Today, Calendar)));
    }

    [Fact]
    public void The_ledger_has_a_row_per_task_not_per_chapter_with_steps_in_words()
    {
        var rows = LedgerRow.Of(Sheet(), Today, Calendar).ToList();

        Assert.Equal(["1.1", "1.2", "1.3"], rows.Select(r => r.ItemId));
        Assert.Equal(("已办结", 100, "https://example.gov.cn/1"), (rows[0].Step, rows[0].Percent, rows[0].Evidence));
        Assert.Equal(("已签收", "市市场监管局、各乡镇", "红灯（逾期）"), (rows[1].Step, rows[1].Units, rows[1].Light));
        Assert.True(rows[1].OverdueWorkingDays > 900);
        Assert.Equal("山西省 › 吕梁市 › 孝义市", rows[0].Path);
    }

    [Fact]
    public void Chapters_with_tasks_under_them_are_structure_but_a_lone_top_level_entry_is_a_task()
    {
        Assert.Equal([true, false, false, true, false, false], PlanStructure.Chapters([1, 2, 2, 1, 2, 1]));
        Assert.Equal([false, false], PlanStructure.Chapters([1, 1]));
    }

    [Fact]
    public void Csv_quotes_fields_and_defuses_formulas()
    {
        Assert.Equal("\"a,b\"", LedgerCsv.Escape("a,b"));
        Assert.Equal("\"say \"\"hi\"\"\"", LedgerCsv.Escape("say \"hi\""));
        Assert.Equal("\"'=HYPERLINK(\"\"x\"\")\"", LedgerCsv.Escape("=HYPERLINK(\"x\")"));
        Assert.Equal("-3", LedgerCsv.Escape(-3));
        Assert.Equal([0xEF, 0xBB, 0xBF], LedgerCsv.Encoding.GetPreamble());
    }

    [Fact]
    public void The_score_is_explained_in_words_with_its_parts_adding_up()
    {
        var counts = ProgressFigures.ForBody(Progress(), Today, Calendar).Counts;
        var explained = ScoreExplanation.Of("141181", 2022, counts);

        Assert.True(explained.HasPlan);
        Assert.Equal(AssessmentScore.Of(counts).Score, explained.Score);
        Assert.Equal(explained.Raw, Math.Round(explained.Parts.Sum(p => p.Points), 2));
        Assert.Equal(["onTime", "completion", "accepted", "overdue"], explained.Parts.Select(p => p.Key));
        Assert.Contains("按时完成率 = 按时完成 1 项", explained.Parts[0].Words, StringComparison.Ordinal);
        Assert.Contains("最终", explained.Words, StringComparison.Ordinal);
    }

    [Fact]
    public void A_year_without_a_plan_says_so_instead_of_scoring_zero()
    {
        var explained = ScoreExplanation.Of("14", 2025, SummaryCounts.Zero);

        Assert.False(explained.HasPlan);
        Assert.Empty(explained.Parts);
        Assert.Contains("没有工作要点", explained.Words, StringComparison.Ordinal);
    }

    [Fact]
    public void A_subtree_recounted_as_of_a_day_ranks_only_children_with_a_plan()
    {
        var parent = Sheet() with { Body = new Body("1411", "吕梁市", "14", BodyLevel.Prefecture), Path = Sheet().Path.Take(3).ToList(), Progress = new BodyProgress("1411", 2022, "14") };
        var noPlan = Sheet() with { Body = new Body("141182", "汾阳市", "1411", BodyLevel.County), Path = [.. Sheet().Path.Take(3), new Body("141182", "汾阳市", "1411", BodyLevel.County)], Progress = new BodyProgress("141182", 2022, "1411") };

        var recount = SubtreeAsOf.Of([parent, Sheet(), noPlan], new DateOnly(2022, 12, 31), Calendar);

        Assert.Equal(4, recount.Summary.Counts.Items);
        Assert.Equal(3, recount.Summary.Counts.Bodies);
        Assert.Equal("141181", Assert.Single(recount.Ranking()).BodyId);
        var explained = recount.Explain(SummaryFigure.Items, new DateOnly(2022, 12, 31), Calendar);
        Assert.Equal(explained.Total, explained.Parts.Sum(p => p.Value));
    }

    [Fact]
    public void Progress_with_an_undated_target_survives_a_json_round_trip()
    {
        var json = LocalizationJson.Serialize(Progress());

        Assert.Equal(Progress(), LocalizationJson.Deserialize<BodyProgress>(json));
    }
}
