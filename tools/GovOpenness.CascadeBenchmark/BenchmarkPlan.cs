using GovOpenness.Abstractions.Plans;
using GovOpenness.Domain.Plans;

namespace GovOpenness.CascadeBenchmark;

/// <summary>A 30-item national plan and the automatic policy every body below follows.</summary>
internal static class BenchmarkPlan
{
    public const int Year = 2025;

    public static PublishPlanCommand Create() => new(Year, "2025年政务公开工作要点（基准测试）", "国办发〔2025〕0号",
        [.. Enumerable.Range(1, 30).Select(i =>
        {
            var due = new DateOnly(Year, 6 + i % 6, 28);
            return new PlanItemData($"{1 + (i - 1) / 6}.{1 + (i - 1) % 6}", $"工作事项{i}", $"第{i}项工作要点的全文。",
                [new DeadlineData($"{due.Month}月底前", DeadlineKind.By, due)], ["各省级人民政府"]);
        })],
        new LocalizationPolicyData(DeadlineWorkingDaysBefore: 3, UnitMapping: new Dictionary<string, string> { ["各省级人民政府"] = "本级人民政府" }));
}
