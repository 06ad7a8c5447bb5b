using GovOpenness.Domain.Alignment;
using GovOpenness.Domain.Hierarchy;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Parsing;

namespace GovOpenness.Domain.Tests.Alignment;

/// <summary>Confirming the creation of departments a 分工方案 names but no body matches: names and ids like the existing ones.</summary>
public class DivisionDepartmentCreationTests
{
    private const string ProvincePlan = """
        山西省2022年政务公开工作要点

        一、夯实政务公开工作基础
        （一）做好政府信息公开工作年度报告。规范编制发布年度报告，确保数据准确。
        （二）加强教育领域信息公开。及时公开招生考试、学校收费信息。
        """;

    private const string DivisionPlan = """
        山西省2022年政务公开工作要点分工方案

        | 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 |
        | 1 | 做好政府信息公开工作年度报告，规范编制发布年度报告，确保数据准确。 | 省统计局 | 省生态环境厅 | 年底前 |
        | 2 | 加强教育领域信息公开，及时公开招生考试、学校收费信息。 | 省教育厅 | 省统计局 | 8月底前 |
        """;

    private static readonly DivisionDepartment Sthj = new("14.sthj", "山西省生态环境厅");

    [Theory]
    [InlineData("山西省", "山西省生态环境厅", "sthj")] // the seeded 14.sthj
    [InlineData("江苏省", "江苏省生态环境厅", "sthj")] // the seeded 32.sthj
    [InlineData("山西省", "山西省教育厅", "jy")]
    [InlineData("山西省", "山西省卫生健康委员会", "wsjk")]
    [InlineData("山西省", "山西省统计局", "tj")]
    [InlineData("吕梁市", "吕梁市政务服务管理局", "zwfw")]
    public void Keys_are_the_pinyin_initials_of_the_name_without_its_government_and_kind_of_office(string government, string name, string key)
    {
        Assert.Equal(key, DepartmentCodes.Key(government, name));
    }

    [Theory]
    [InlineData("山西省", "省教育厅", "山西省教育厅")]
    [InlineData("山西省", "省教育廳", "山西省教育厅")]
    [InlineData("山西省", "山西省教育厅", "山西省教育厅")]
    [InlineData("吕梁市", "市财政局", "吕梁市财政局")]
    [InlineData("山西省", "办公室", "办公室")]
    public void A_name_written_with_its_level_takes_its_governments_name(string government, string written, string full)
    {
        Assert.Equal(full, DepartmentCodes.FullName(government, written));
    }

    [Fact]
    public void A_taken_id_gets_the_next_number()
    {
        var taken = new HashSet<string>(StringComparer.Ordinal) { "14.jy", "14.jy2" };
        Assert.Equal("14.jy3", DepartmentCodes.Id("14", "山西省", "山西省教育厅", taken.Contains));
        Assert.True(BodyId.TryGetLevel("14.jy3", out var level, out _));
        Assert.Equal(BodyLevel.Department, level);
    }

    [Fact]
    public void Confirmed_unmatched_names_become_departments_and_then_take_their_share()
    {
        var province = PublishedPlan.FromDocument("14", PlanParser.Parse(ProvincePlan));
        var division = PlanParser.Parse(DivisionPlan);
        var first = DivisionPlanCascade.Split(province, division, [Sthj]);
        Assert.Equal(["省统计局", "省教育厅"], first.Unmatched);

        var creation = DivisionDepartmentCreation.Prepare(first, ["省教育厅", "省统计局"], [Sthj], "14", "山西省");

        Assert.Empty(creation.Unknown);
        Assert.Equal(
            ["省教育厅 → 14.jy 山西省教育厅", "省统计局 → 14.tj 山西省统计局"],
            creation.Create.Select(c => $"{c.Written} → {c.Department.Id} {c.Department.Name}"));
        var second = DivisionPlanCascade.Split(province, division, [Sthj, .. creation.Create.Select(c => c.Department)]);
        Assert.Empty(second.Unmatched);
        var tj = second.Shares.Single(s => s.Department.Id == "14.tj");
        Assert.Equal(["1.1"], tj.Leads);
        Assert.Equal(["1.2"], tj.Cooperates);
        var jy = second.Shares.Single(s => s.Department.Id == "14.jy");
        Assert.Equal(["1.2"], jy.Leads);
        Assert.Equal(["1.1"], jy.Localization.Changes.OfType<Drop>().Select(d => d.ItemId));
    }

    [Fact]
    public void Names_already_created_are_nothing_to_do_and_names_the_table_does_not_list_are_unknown()
    {
        var province = PublishedPlan.FromDocument("14", PlanParser.Parse(ProvincePlan));
        var created = new DivisionDepartment("14.jy", "山西省教育厅");
        var result = DivisionPlanCascade.Split(province, PlanParser.Parse(DivisionPlan), [Sthj, created]);

        var creation = DivisionDepartmentCreation.Prepare(result, ["省教育厅", "省财政厅", "省统计局"], [Sthj, created], "14", "山西省");

        Assert.Equal(["省教育厅"], creation.Existing);
        Assert.Equal(["省财政厅"], creation.Unknown);
        Assert.Equal(["14.tj"], creation.Create.Select(c => c.Department.Id));
    }
}
