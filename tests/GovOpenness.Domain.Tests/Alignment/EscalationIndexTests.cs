using GovOpenness.Domain.Alignment;
using GovOpenness.Domain.Calendar;
using static GovOpenness.Domain.Tests.Alignment.TestPlans;

namespace GovOpenness.Domain.Tests.Alignment;

public class EscalationIndexTests
{
    [Fact]
    public void Index_follows_its_documented_formula()
    {
        var text = "严格落实行政执法公示制度，督促各级行政执法单位将事前公开信息录入行政执法公示平台。";
        var other = "扩大预决算公开范围，完成各级行政机关所属单位预算、决算及相关报表公开。";
        var local = "组织全市运动会期间的志愿者招募与交通疏导，保障赛事顺利进行。";
        var parent = Of(2022, Item(1, "执法", text + "11月底前。", [By(2022, 11, 30, "11月底前")]), Item(2, "财政", other));
        var child = Of(2022,
            Item(1, "执法", text + "7月底前。", [By(2022, 7, 31, "7月底前")], ["市司法局"]),
            Item(2, "财政", other),
            Item(3, "运动会", local));

        var e = DocumentAligner.Align(parent, child).Escalation;

        var days = WorkingDayCalendar.China.WorkingDaysBetween(new DateOnly(2022, 7, 31), new DateOnly(2022, 11, 30));
        var expected = 100 * ((0.35 * (1 / 2.0)) + (0.25 * Math.Min(1, days / 60.0)) + (0.20 * (1 / 3.0)) + (0.20 * (1 / 2.0)));
        Assert.Equal(1, e.TightenedPairs);
        Assert.Equal(1, e.AddedItems);
        Assert.Equal(days, e.MeanWorkingDaysEarlier);
        Assert.Equal(Math.Round(expected, 1), e.Value);
    }
}
