using GovOpenness.Domain.Alignment;
using static GovOpenness.Domain.Tests.Alignment.AlignmentLookup;

namespace GovOpenness.Domain.Tests.Alignment;

/// <summary>
/// 山西省生态环境厅 2022 (000, a province department) against 山西省 2022 (001). Read off the documents:
/// the department regrouped the province's items under its own five sections, split 优化发文流程 into
/// 公开属性认定 and 规范性文件 items, split 平台建设 into two 门户网站 items and merged 权威发布 with 权责清单.
/// </summary>
public class EnvironmentDepartmentAgainstProvinceTests
{
    private static readonly Lazy<AlignmentResult> Result = new(() => DocumentAligner.Align(Seeds.Province2022, Seeds.EnvironmentDepartment));

    [Theory]
    [InlineData("坚持行政执法信息公开", "在阳光下执法")]
    [InlineData("落实市场监管信息公开", "双随机")]
    [InlineData("做好重大建设项目信息公开", "重大建设项目信息公开规定")]
    [InlineData("做好个人信息保护", "个人信息处理规则")]
    [InlineData("做好线下公开服务", "非信息化的传统方式")]
    [InlineData("提升依申请公开答复质量", "检索查找义务")]
    [InlineData("严格行政许可信息公开", "行政许可事项清单")]
    [InlineData("加强门户网站内容管理", "时宜提法")]
    public void Department_items_find_the_province_item_they_carry_out(string child, string parent)
    {
        var result = Result.Value;
        var pair = PairOf(result, child);
        Assert.True(Carries(result, pair, parent), $"{pair.Child.Heading} → {string.Join("、", pair.Parents.Select(p => p.Heading))}");
    }

    [Fact]
    public void Document_issuing_item_is_split_into_disclosure_attribute_and_normative_document_items()
    {
        var result = Result.Value;
        var attribute = PairOf(result, "严格拟发文件公开属性认定");
        var normative = PairOf(result, "加强规范性文件发文管理");
        Assert.True(Carries(result, attribute, "一件一审"));
        Assert.True(Carries(result, normative, "一件一审"));
        Assert.Contains(AlignmentChange.Split, attribute.Flags);
        Assert.Contains(AlignmentChange.Split, normative.Flags);
    }

    [Fact]
    public void Authoritative_release_item_merges_first_release_and_the_powers_list()
    {
        var result = Result.Value;
        var pair = PairOf(result, "坚持权威信息首发");
        Assert.True(Carries(result, pair, "权责清单"));
        Assert.True(Carries(result, pair, "政令发布的权威性"));
        Assert.Equal(AlignmentChange.Merged, pair.Change);
    }

    [Fact]
    public void Website_cleanup_keeps_the_end_of_November_deadline()
    {
        var pair = PairOf(Result.Value, "加强门户网站内容管理");
        Assert.Contains(pair.DeadlineShifts, s => s.Direction == ShiftDirection.Same && s.ToDate == new DateOnly(2022, 11, 30));
        Assert.DoesNotContain(AlignmentChange.DeadlineLoosened, pair.Flags);
    }

    [Fact]
    public void Department_specific_items_are_additions()
    {
        var result = Result.Value;
        Assert.Contains(Leaf(result.Child, "配合完成考核"), result.Added);
        Assert.InRange(result.Coverage, 0.3, 0.9);
    }

    [Fact]
    public void Sections_align_with_sections_only()
    {
        var result = Result.Value;
        Assert.NotEmpty(result.Sections);
        Assert.All(result.Sections, s => Assert.True(s.Child.Depth == 1 && s.Parents.All(p => p.Depth == 1)));
        Assert.All(result.Pairs, p => Assert.True(IsLeaf(result.Child, p.Child) && p.Parents.All(parent => IsLeaf(result.Parent, parent))));
    }
}
