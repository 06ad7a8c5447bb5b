using GovOpenness.Domain.Parsing;
using GovOpenness.Domain.Parsing.Recall;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Tests.Parsing;

/// <summary>
/// The real task tables and ledgers of Parsing/Genre (sources in its README), read as a person reads
/// them: the recall over what expectations.json lists, and the structure and roles of each table.
/// </summary>
public class GenreRecallTests
{
    internal static string Directory => Path.Combine(AppContext.BaseDirectory, "Parsing", "Genre");

    internal static string Text(string file) => File.ReadAllText(Path.Combine(Directory, file));

    internal static PlanDocument Parse(string file) => PlanParser.Parse(Text(file), new PlanParseOptions(2022));

    [Fact]
    public void No_real_document_is_refused_and_at_least_eight_in_ten_of_what_a_person_reads_is_found()
    {
        var scores = GenreRecall.Score(Directory);

        Assert.All(scores, s => Assert.Null(s.Refused));
        var found = scores.Sum(s => s.Found);
        var expected = scores.Sum(s => s.Expected);
        Assert.True(found >= 0.8 * expected, $"召回 {found}/{expected}");
    }

    [Fact]
    public void Cells_between_bar_lines_make_rows_and_merged_group_cells_make_sections()
    {
        var plan = Parse("chizhou-xfj-cells.txt");

        Assert.Equal(PlanKind.TaskTable, plan.Kind);
        Assert.Contains(plan.Warnings, w => w.Code == "year-assumed");
        var groups = plan.Items.Where(i => i.Depth == 1).Select(i => i.Heading).ToList();
        Assert.Equal(["强化行政规范性文件集中规范公开", "深化政策解读形式", "做好主动公开基础工作", "规范办理依申请公开", "认真抓好工作落实", "加强宣传", "做好指导监督"], groups);

        // Row 4 has no group cell of its own: it belongs to 做好主动公开基础工作, like row 3.
        var rows = plan.Items.Where(i => i.Depth == 2).ToList();
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8"], rows.Select(r => r.Path[^1]));
        Assert.Equal(["3", "4"], plan.Items.Where(i => i.Path[0] == "三" && i.Depth == 2).Select(i => i.Path[^1]));
        Assert.Equal("年底前", rows[0].Deadlines.Single().Text);
        Assert.All(rows.Skip(1), r => Assert.Equal(DeadlineKind.Ongoing, r.Deadlines.Single().Kind));
        Assert.Equal(["办公室"], rows[5].Lead);
    }

    [Fact]
    public void A_group_cell_absent_on_later_rows_and_lead_and_cooperating_units_are_kept_apart()
    {
        var plan = Parse("jiangmen-tdcbzx-rows.txt");

        Assert.Equal(["一", "二", "三", "四", "五"], plan.Items.Where(i => i.Depth == 1).Select(i => i.Path[0]));
        Assert.Equal(["2", "3", "4"], plan.Items.Where(i => i.Path[0] == "二" && i.Depth == 2).Select(i => i.Path[^1]));
        var row4 = plan.Items.Single(i => i.Text.StartsWith("及时更新微信公众号信息", StringComparison.Ordinal));
        Assert.Equal(["办公室"], row4.Lead);
        Assert.Equal(["各科室"], row4.Cooperating);
        Assert.Equal(["各科室"], row4.Collective);
    }

    [Fact]
    public void A_notice_wrapping_a_ledger_gives_the_issue_date_sections_subsections_and_collective_units()
    {
        var plan = Parse("jingzhou-2022-notice-ledger.txt");

        Assert.Equal(PlanKind.TaskTable, plan.Kind);
        Assert.Equal(new DateOnly(2022, 7, 25), plan.IssueDate);
        Assert.Equal("荆州市2022年政务公开任务分解责任清单", plan.Title);
        Assert.Equal(["一"], plan.Items[0].Path);
        Assert.Equal(["一", "（一）"], plan.Items[1].Path);
        var first = plan.Items.Single(i => i.Path.SequenceEqual(["一", "（一）", "1"]));
        Assert.Equal(["市政府各有关部门", "各县市区人民政府", "功能区管委会"], first.Lead);
        Assert.Equal(["市政府各有关部门", "各县市区人民政府"], first.Collective);
        var third = plan.Items.Single(i => i.Path.SequenceEqual(["一", "（一）", "3"]));
        Assert.Equal(["市发展改革委"], third.Lead);
        Assert.Equal(["市住建局"], third.Cooperating);
    }

    [Fact]
    public void A_table_whose_rows_were_lost_still_gives_its_sections_and_is_not_refused()
    {
        var plan = Parse("jimei-2021-notice-empty-rows.txt");

        Assert.Equal(new DateOnly(2021, 6, 29), plan.IssueDate);
        Assert.Equal(2021, plan.Year);
        Assert.Equal(["一", "二", "三"], plan.Items.Select(i => i.Path[0]));
        Assert.StartsWith("紧扣“十四五”开好局起好步", plan.Items[0].Heading, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ledger_copied_without_its_header_is_read_from_what_its_cells_hold()
    {
        var plan = Parse("jiangmen-zrzyj-ledger-cells.txt");

        Assert.Equal(PlanKind.TaskTable, plan.Kind);
        Assert.Equal(7, plan.Items.Count(i => i.Depth == 1));
        var tasks = plan.Items.Where(i => i.Depth == 2).ToList();
        Assert.Equal(8, tasks.Count);
        Assert.Equal(["法规科"], tasks[0].Lead);
        Assert.Equal(["相关科(室)"], tasks[0].Cooperating);
        Assert.Equal(["法规科"], tasks[4].Lead);
        Assert.Equal(["各职能科(室)"], tasks[4].Cooperating);
        Assert.All(tasks, t => Assert.Equal("长期", t.Deadlines.Single().Text));
    }

    [Fact]
    public void Collective_units_are_kept_as_written_and_notes_in_brackets_dropped()
    {
        var plan = Parse("jieyang-rows-collective.txt");

        var first = plan.Items.Single(i => i.Path.SequenceEqual(["（一）", "1"]));
        Assert.Equal(["市政府办公室", "市有关单位", "各县(市、区)人民政府(管委会)"], first.Units);
        Assert.Equal(["市有关单位", "各县(市、区)人民政府(管委会)"], first.Collective);
        var third = plan.Items.Single(i => i.Path.SequenceEqual(["（一）", "3"]));
        Assert.Equal(["市编办", "市电子政务办", "市有关单位", "各县(市、区)人民政府(管委会)"], third.Lead);
        Assert.Equal("今年内", plan.Items.Single(i => i.Path.SequenceEqual(["（二）", "1"])).Deadlines.Single().Text);
    }
}
