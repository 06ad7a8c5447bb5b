using GovOpenness.Domain.Alignment;
using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Desk;
using GovOpenness.Domain.Plans;
using GovOpenness.Domain.Progress;
using GovOpenness.Domain.Tests.Parsing;

namespace GovOpenness.Domain.Tests.Desk;

/// <summary>
/// 回头看 across years on the real documents: 山西省 2021 (003) against 2022 (001), which 吕梁市 adopted as
/// they are. 2022 regrouped and rewrote 2021's tasks, so the localization threshold matched 2 of 25; the
/// year-over-year options keep the weaker, right matches and mark them 待核.
/// </summary>
public class YearOverYearAlignmentTests
{
    private static readonly PlanDocument Plan2021 = Seeds.Parse("003");
    private static readonly PlanDocument Plan2022 = Seeds.Parse("001");

    [Fact]
    public void Rewritten_tasks_carried_into_the_next_year_are_found()
    {
        var before = DocumentAligner.Align(Plan2021, Plan2022);
        var compared = YearOverYear.Of("1411", Plan2021, Plan2022, new BodyProgress("1411", 2021, "14"));

        Assert.Equal(0.08, Math.Round(before.Coverage, 2)); // the localization threshold: 2 of 25
        Assert.True(compared.Coverage >= 0.16, $"coverage {compared.Coverage}");
        Assert.Contains(compared.CarriedOver, c => c.ItemId == "5.2" && c.Matches.SequenceEqual(["2.1"])); // 依申请公开答复
        Assert.Contains(compared.CarriedOver, c => c.ItemId == "5.4" && c.Matches.SequenceEqual(["1.3"])); // 标准化规范化 = 两化
        Assert.Contains(compared.CarriedOver, c => c.ItemId == "4.3" && c.Matches.SequenceEqual(["1.1.4"])); // 财政信息
        Assert.Contains(compared.Dropped, d => d.ItemId == "2.5"); // 疫情常态化防控: not in 2022
    }

    [Fact]
    public void A_weak_match_across_years_is_shown_for_review()
    {
        var look = LookBack.Of("1411",
            new LookBackSide(new DateOnly(2021, 12, 31), Plan2021, new BodyProgress("1411", 2021, "14")),
            new LookBackSide(new DateOnly(2022, 12, 31), Plan2022, new BodyProgress("1411", 2022, "14")),
            WorkingDayCalendar.China);

        var weak = look.Rows.Single(r => r.Now?.ItemId == "5.2");
        Assert.Equal(LookBackKind.Carried, weak.Kind);
        Assert.Equal("2.1", weak.Then!.ItemId);
        Assert.EndsWith("待核", weak.Change, StringComparison.Ordinal);
        Assert.DoesNotContain("待核", look.Rows.Single(r => r.Now?.ItemId == "4.3").Change, StringComparison.Ordinal);
        Assert.True(look.Coverage >= 0.16);
    }
}
