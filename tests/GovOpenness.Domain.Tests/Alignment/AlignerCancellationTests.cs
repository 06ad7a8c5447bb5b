using GovOpenness.Domain.Alignment;
using GovOpenness.Domain.Parsing;

namespace GovOpenness.Domain.Tests.Alignment;

public sealed class AlignerCancellationTests
{
    [Fact]
    public void ACancelledAlignmentStopsWithoutAReport()
    {
        var parent = PlanParser.Parse(Text("上级", 60));
        var child = PlanParser.Parse(Text("下级", 60));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => DocumentAligner.Align(parent, child, cancellation: cancelled.Token));
        Assert.NotEmpty(DocumentAligner.Align(parent, child).Pairs);
    }

    private static string Text(string who, int items) =>
        $"2022年{who}政务公开工作要点\n一、总体要求\n" + string.Concat(Enumerable.Range(1, items).Select(i =>
            $"（{Numerals(i)}）推进第{i}项公开工作。{who}各部门于2022年{i % 12 + 1}月底前完成第{i}项重点信息公开。\n"));

    private static string Numerals(int n)
    {
        string[] digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        return n switch
        {
            < 10 => digits[n],
            < 20 => "十" + digits[n % 10],
            _ => digits[n / 10] + "十" + digits[n % 10],
        };
    }
}
