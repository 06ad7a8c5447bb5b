using GovOpenness.Domain.Alignment;
using static GovOpenness.Domain.Tests.Alignment.AlignmentLookup;

namespace GovOpenness.Domain.Tests.Alignment;

/// <summary>
/// 山西省 2022 (001) against 山西省 2021 (003): the next year's plan was rewritten from scratch; what was
/// carried over is the 财政 (budget and debt disclosure) task and the leadership/briefing requirements.
/// </summary>
public class CarryOverTests
{
    private static readonly Lazy<AlignmentResult> Result = new(() => DocumentAligner.Align(Seeds.Province2021, Seeds.Province2022));

    [Fact]
    public void Budget_and_debt_disclosure_is_carried_over_from_last_year()
    {
        var result = Result.Value;
        var pair = PairOf(result, "以财政信息及公共资源交易信息公开促廉政");
        Assert.True(Carries(result, pair, "做好财政信息公开"));
    }

    [Fact]
    public void Rewritten_plan_has_low_coverage_and_last_years_epidemic_item_is_dropped()
    {
        var result = Result.Value;
        Assert.InRange(result.Coverage, 0.01, 0.5);
        Assert.Contains(Leaf(result.Parent, "疫情常态化防控"), result.Dropped);
    }

    [Fact]
    public void Year_end_deadline_set_where_last_year_had_none_counts_as_tightening_in_this_years_dates()
    {
        var pair = PairOf(Result.Value, "以财政信息及公共资源交易信息公开促廉政");
        Assert.All(pair.DeadlineShifts.Where(s => s.ToDate is not null), s => Assert.Equal(2022, s.ToDate!.Value.Year));
        Assert.Contains(AlignmentChange.DeadlineTightened, pair.Flags);
    }
}
