using GovOpenness.Domain.Alignment;
using GovOpenness.Domain.Parsing;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Tests.Alignment;

/// <summary>Bad input: documents that do not carry each other out must give low coverage and low confidence.</summary>
public class UnrelatedDocumentsTests
{
    [Fact]
    public void Jiangsu_environment_department_against_Xiaoyi_county_covers_little()
    {
        var result = DocumentAligner.Align(Seeds.Xiaoyi, Seeds.JiangsuEnvironment);
        Assert.True(result.Coverage < 0.2, $"coverage {result.Coverage}");
        Assert.DoesNotContain(result.Pairs, p => p.Confidence > 0.8);
    }

    [Fact]
    public void Work_plan_against_a_sports_meet_notice_matches_nothing_with_confidence()
    {
        var notice = PlanParser.Parse(
            """
            某某中学2022年秋季运动会工作要点
            一、比赛项目
            （一）田径。设男子100米、200米、跳远，女子100米、跳高，每班限报3人。
            （二）球类。篮球赛采用单循环，足球赛采用淘汰赛，裁判由体育组教师担任。
            二、报名与日程
            （一）报名。各班于10月底前将报名表交体育组，逾期不予受理。
            （二）日程。开幕式在操场举行，全体师生参加，雨天顺延。
            三、纪律要求
            （一）安全。各班主任负责本班学生安全，校医全程值守。
            （二）奖励。获奖班级颁发奖状，计入年度班级考核。
            """);
        var result = DocumentAligner.Align(Seeds.Province2022, notice);
        Assert.True(result.Coverage < 0.1, $"coverage {result.Coverage}");
        Assert.All(result.Pairs, p => Assert.True(p.Confidence < 0.5, $"{p.Child.Heading}: {p.Confidence}"));
        Assert.Equal(0, result.Escalation.TightenedPairs);
    }

    [Fact]
    public void Empty_child_plan_drops_everything_without_failing()
    {
        var empty = new PlanDocument(null, null, null, null, 2022, [], []);
        var result = DocumentAligner.Align(Seeds.Province2022, empty);
        Assert.Equal(0, result.Coverage);
        Assert.Empty(result.Pairs);
        Assert.Equal(result.ParentLeafCount, result.Dropped.Count);
        Assert.Equal(0, result.Escalation.Value);
    }

    [Fact]
    public void Empty_parent_plan_makes_every_child_item_an_addition()
    {
        var empty = new PlanDocument(null, null, null, null, 2022, [], []);
        var result = DocumentAligner.Align(empty, Seeds.Xiaoyi);
        Assert.Equal(0, result.Coverage);
        Assert.Empty(result.Pairs);
        Assert.Equal(result.ChildLeafCount, result.Added.Count);
    }
}
