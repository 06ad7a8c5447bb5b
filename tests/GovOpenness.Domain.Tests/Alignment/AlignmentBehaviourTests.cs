using GovOpenness.Domain.Alignment;
using static GovOpenness.Domain.Tests.Alignment.TestPlans;

namespace GovOpenness.Domain.Tests.Alignment;

/// <summary>Classification rules on small hand-built plans.</summary>
public class AlignmentBehaviourTests
{
    private const string Enforcement = "严格落实行政执法公示制度，督促各级行政执法单位将事前公开信息录入行政执法公示平台，全面推进在阳光下执法。";
    private const string Cameras = "完成对收集、固定违法事实的电子技术监控设备的摸排清理工作，设置地点在政府网站集中统一向社会公布。";
    private const string Budget = "扩大预决算公开范围，完成各级行政机关所属单位预算、决算及相关报表公开，深化政府债务信息公开。";
    private const string Subsidies = "加强惠民惠农财政补贴资金信息公开，及时公开各类奖励、补助、补贴、贴息、优惠等信息及评比评选结果。";

    [Fact]
    public void Later_deadline_than_the_parent_is_a_violation_and_the_primary_change()
    {
        var parent = Of(2022, Item(1, "行政执法公开", Enforcement + "7月底前完成。", [By(2022, 7, 31, "7月底前")]));
        var child = Of(2022, Item(1, "做好行政执法信息公开", Enforcement + "11月底前完成。", [By(2022, 11, 30, "11月底前")], ["市司法局"]));

        var pair = Assert.Single(DocumentAligner.Align(parent, child).Pairs);

        Assert.Equal(AlignmentChange.DeadlineLoosened, pair.Change);
        Assert.Contains(AlignmentChange.UnitsAdded, pair.Flags);
        var shift = Assert.Single(pair.DeadlineShifts);
        Assert.Equal(ShiftDirection.Loosened, shift.Direction);
        Assert.True(shift.WorkingDaysEarlier < 0);
    }

    [Fact]
    public void Child_item_holding_two_parent_items_is_merged()
    {
        var parent = Of(2022, Item(1, "财政信息公开", Budget), Item(2, "补贴信息公开", Subsidies), Item(3, "行政执法公开", Enforcement));
        var child = Of(2022, Item(1, "做好财政信息公开", Budget + Subsidies), Item(2, "做好行政执法信息公开", Enforcement));

        var result = DocumentAligner.Align(parent, child);

        var merged = result.Pairs.Single(p => p.Child.Heading == "做好财政信息公开");
        Assert.Equal(["补贴信息公开", "财政信息公开"], merged.Parents.Select(p => p.Heading).Order(StringComparer.Ordinal));
        Assert.Equal(AlignmentChange.Merged, merged.Change);
        Assert.Equal(1.0, result.Coverage);
    }

    [Fact]
    public void Parent_item_carried_by_two_child_items_is_split_with_its_deadline_on_each()
    {
        var parent = Of(2022, Item(1, "以行政执法公开促法治", Enforcement + "11月底前完成。" + Cameras + "11月底前完成。",
            [By(2022, 11, 30, "11月底前"), By(2022, 11, 30, "11月底前")]));
        var child = Of(2022,
            Item(1, "做好行政执法信息公开", Enforcement + "7月底前完成。", [By(2022, 7, 31, "7月底前")]),
            Item(2, "做好道路交管信息公开", Cameras + "7月底前完成。", [By(2022, 7, 31, "7月底前")]));

        var result = DocumentAligner.Align(parent, child);

        Assert.Equal(2, result.Pairs.Count);
        Assert.All(result.Pairs, p =>
        {
            Assert.Contains(AlignmentChange.Split, p.Flags);
            Assert.Equal(AlignmentChange.DeadlineTightened, p.Change);
            Assert.Contains(p.DeadlineShifts, s => s.FromDate == new DateOnly(2022, 11, 30) && s.ToDate == new DateOnly(2022, 7, 31));
        });
    }

    [Fact]
    public void Deadline_left_out_of_a_carried_sentence_is_flagged_removed_but_not_a_violation()
    {
        var parent = Of(2022, Item(1, "行政执法公开", "严格落实行政执法公示制度，11月底前督促各级行政执法单位将事前公开信息录入行政执法公示平台。", [By(2022, 11, 30, "11月底前")]));
        var child = Of(2022, Item(1, "做好行政执法信息公开", "严格落实行政执法公示制度，督促各级行政执法单位将事前公开信息录入行政执法公示平台。"));

        var pair = Assert.Single(DocumentAligner.Align(parent, child).Pairs);

        Assert.Contains(AlignmentChange.DeadlineRemoved, pair.Flags);
        Assert.DoesNotContain(AlignmentChange.DeadlineLoosened, pair.Flags);
        Assert.Contains(pair.DeadlineShifts, s => s.Direction == ShiftDirection.Removed && s.To is null);
    }

    [Fact]
    public void Same_wording_with_the_same_deadline_is_unchanged()
    {
        var parent = Of(2022, Item(1, "财政信息公开", Budget));
        var child = Of(2022, Item(1, "财政信息公开", Budget));

        var pair = Assert.Single(DocumentAligner.Align(parent, child).Pairs);

        Assert.Equal(AlignmentChange.Unchanged, pair.Change);
        Assert.True(pair.Confidence > 0.9);
    }

    [Fact]
    public void A_real_plan_aligned_with_itself_is_carried_over_unchanged_in_full()
    {
        var plan = Seeds.Province2022;

        var result = DocumentAligner.Align(plan, plan);

        Assert.Equal(1.0, result.Coverage);
        Assert.Empty(result.Added);
        Assert.All(result.Pairs, p => Assert.Same(p.Child, Assert.Single(p.Parents)));
        Assert.All(result.Pairs, p => Assert.Equal(AlignmentChange.Unchanged, p.Change));
        Assert.Equal(0, result.Escalation.Value);
    }

    [Fact]
    public void Reordered_items_are_matched_by_content_not_position()
    {
        var parent = Of(2022, Item(1, "财政", Budget), Item(2, "补贴", Subsidies), Item(3, "执法", Enforcement));
        var child = Of(2022, Item(1, "执法", Enforcement), Item(2, "财政", Budget), Item(3, "补贴", Subsidies));

        var result = DocumentAligner.Align(parent, child);

        Assert.All(result.Pairs, p => Assert.Equal(p.Child.Heading, Assert.Single(p.Parents).Heading));
        Assert.Equal(3, result.Pairs.Count);
    }
}
