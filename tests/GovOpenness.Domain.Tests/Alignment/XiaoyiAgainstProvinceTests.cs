using GovOpenness.Domain.Alignment;
using static GovOpenness.Domain.Tests.Alignment.AlignmentLookup;

namespace GovOpenness.Domain.Tests.Alignment;

/// <summary>
/// 孝义市 2022 (002, a county under 吕梁市) against 山西省 2022 (001). Expected pairs were read off the two
/// documents: the county split the province's 行政执法 item into 行政执法 and 道路交管, moved both
/// 11月底 deadlines to 7月底, and copied 个人信息保护 and 依申请公开 almost word for word.
/// </summary>
public class XiaoyiAgainstProvinceTests
{
    private static readonly Lazy<AlignmentResult> Result = new(() => DocumentAligner.Align(Seeds.Province2022, Seeds.Xiaoyi));

    [Fact]
    public void Road_traffic_item_carries_the_camera_part_of_the_enforcement_item_with_deadline_moved_to_July()
    {
        var result = Result.Value;
        var pair = PairOf(result, "道路交管");
        Assert.True(Carries(result, pair, "电子技术监控设备"));
        Assert.Contains(AlignmentChange.DeadlineTightened, pair.Flags);
        Assert.Contains(pair.DeadlineShifts, s => s.FromDate == new DateOnly(2022, 11, 30) && s.ToDate == new DateOnly(2022, 7, 31));
    }

    [Fact]
    public void Enforcement_item_is_split_between_enforcement_and_road_traffic_both_tightened()
    {
        var result = Result.Value;
        var enforcement = PairOf(result, "做好行政执法信息公开");
        var traffic = PairOf(result, "道路交管");
        Assert.Equal(enforcement.Parents[0], traffic.Parents[0]);
        Assert.Contains(AlignmentChange.Split, enforcement.Flags);
        Assert.Contains(AlignmentChange.Split, traffic.Flags);
        Assert.Equal(AlignmentChange.DeadlineTightened, enforcement.Change);
        Assert.Contains(enforcement.DeadlineShifts, s => s.FromDate == new DateOnly(2022, 11, 30) && s.ToDate == new DateOnly(2022, 7, 31) && s.WorkingDaysEarlier > 60);
    }

    [Fact]
    public void Each_split_child_takes_the_parent_deadline_of_its_own_sentence()
    {
        var enforcement = PairOf(Result.Value, "做好行政执法信息公开").DeadlineShifts.Single(s => s.From is not null);
        var traffic = PairOf(Result.Value, "道路交管").DeadlineShifts.Single(s => s.From is not null);
        Assert.False(ReferenceEquals(enforcement.From, traffic.From), "both children read the same 11月底 of the province's item");
    }

    [Fact]
    public void Market_supervision_keeps_the_provinces_recurring_March_deadline()
    {
        var pair = PairOf(Result.Value, "市场监管信息公开");
        Assert.True(Carries(Result.Value, pair, "双随机"));
        Assert.Contains(pair.DeadlineShifts, s => s.Direction == ShiftDirection.Same && s.ToDate == new DateOnly(2022, 3, 31));
        Assert.DoesNotContain(AlignmentChange.DeadlineTightened, pair.Flags);

        // 市场监管局 is the office the province's text already names (各级市场监管部门): not an added burden.
        Assert.DoesNotContain(AlignmentChange.UnitsAdded, pair.Flags);
    }

    [Fact]
    public void Construction_projects_item_adds_offices_the_province_never_named_and_a_July_deadline()
    {
        var pair = PairOf(Result.Value, "做好重大建设项目信息公开");
        Assert.Contains(AlignmentChange.UnitsAdded, pair.Flags);
        Assert.Contains(pair.DeadlineShifts, s => s.Direction == ShiftDirection.Added && s.ToDate == new DateOnly(2022, 7, 31));
    }

    [Fact]
    public void Queue_numbering_starts_in_August_instead_of_October()
    {
        var pair = PairOf(Result.Value, "做好政务服务信息公开");
        Assert.True(Carries(Result.Value, pair, "排号公示制度"));
        Assert.Contains(pair.DeadlineShifts, s => s.Direction == ShiftDirection.Tightened && s.FromDate == new DateOnly(2022, 10, 1) && s.ToDate == new DateOnly(2022, 8, 1));
    }

    [Fact]
    public void Public_institutions_list_moves_from_end_of_August_to_end_of_July()
    {
        var pair = PairOf(Result.Value, "公共企事业单位信息公开");
        Assert.True(Carries(Result.Value, pair, "公共企事业单位主动公开事项清单"));
        Assert.Contains(pair.DeadlineShifts, s => s.FromDate == new DateOnly(2022, 8, 31) && s.ToDate == new DateOnly(2022, 7, 31));
    }

    [Theory]
    [InlineData("加强个人信息保护", "个人信息处理规则")]
    [InlineData("提升依申请公开办理水平", "检索查找义务")]
    public void Copied_items_are_recognised_as_unchanged_wording(string child, string parent)
    {
        var pair = PairOf(Result.Value, child);
        Assert.True(Carries(Result.Value, pair, parent));
        Assert.Contains(AlignmentChange.Unchanged, pair.Flags);
        Assert.True(pair.Confidence > 0.9);
    }

    [Theory]
    [InlineData("做好重大建设项目信息公开", "重大建设项目信息公开规定")]
    [InlineData("优化发文流程", "公开属性认定")]
    [InlineData("做好教育领域信息公开", "双减")]
    [InlineData("强化政务公开专区建设", "实体店")]
    [InlineData("做好公共资源交易信息公开", "公共资源交易信息公开")]
    public void Reworded_items_find_their_parent(string child, string parent)
    {
        var pair = PairOf(Result.Value, child);
        Assert.True(Carries(Result.Value, pair, parent), $"{pair.Child.Heading} → {string.Join("、", pair.Parents.Select(p => p.Heading))}");
    }

    [Fact]
    public void Local_epidemic_item_is_an_addition_and_antitrust_item_is_dropped()
    {
        var result = Result.Value;
        Assert.Contains(Leaf(result.Child, "疫情防控信息公开"), result.Added);
        Assert.Contains(Leaf(result.Parent, "反垄断"), result.Dropped);
    }

    [Fact]
    public void Coverage_and_index_reflect_a_county_that_tightened_without_loosening()
    {
        var result = Result.Value;
        Assert.InRange(result.Coverage, 0.5, 0.95);
        Assert.Equal(0, result.Escalation.LoosenedPairs);
        Assert.True(result.Escalation.TightenedPairs >= 5);
        Assert.True(result.Escalation.MeanWorkingDaysEarlier > 0);
        Assert.InRange(result.Escalation.Value, 1, 100);
    }
}
