using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Tests.Alignment;

/// <summary>Hand-built plans: one section "一" holding the given items, in order.</summary>
internal static class TestPlans
{
    public static PlanDocument Of(int year, params PlanItem[] items)
    {
        var section = new PlanItem("1", ["一"], "重点工作", string.Empty, [], [], 1);
        return new PlanDocument("测试要点", "测试机关", null, null, year, [section, .. items], []);
    }

    public static PlanItem Item(int n, string heading, string text, Deadline[]? deadlines = null, string[]? units = null) =>
        new($"1.{n}", ["一", $"（{n}）"], heading, text, deadlines ?? [], units ?? [], n + 1);

    public static Deadline By(int year, int month, int day, string text) => new(text, DeadlineKind.By, new DateOnly(year, month, day));
}
