using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Bodies;
using GovOpenness.Abstractions.Plans;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Grains.Tests;

/// <summary>Small plans and department trees with keys unique to each test.</summary>
internal static class TestPlans
{
    public static PublishPlanCommand ThreeItems(int year, LocalizationPolicyData? policy = null, string textOfFirst = "公开重大建设项目批准和实施信息") =>
        new(year, $"{year}年政务公开工作要点", null,
        [
            Item("1.1", textOfFirst, new DateOnly(year, 11, 30), "发展改革委"),
            Item("1.2", "公开行政执法事前信息", new DateOnly(year, 9, 30), "司法厅"),
            Item("2.1", "办好政府开放日活动", null, "各部门"),
        ], policy);

    public static PlanItemData Item(string id, string text, DateOnly? due, string unit) =>
        new(id, text[..Math.Min(6, text.Length)], text,
            due is { } d ? [new DeadlineData($"{d.Month}月底前", DeadlineKind.By, d)] : [new DeadlineData("持续推进", DeadlineKind.Ongoing)],
            [unit]);

    /// <summary>Registers root (under 北京市 "11") → a, b; a → a1. Returns their ids.</summary>
    public static async Task<(string Root, string A, string B, string A1)> DepartmentTreeAsync(IGrainFactory grains)
    {
        var key = Guid.NewGuid().ToString("N")[..10];
        var (root, a, b, a1) = ($"11.r{key}", $"11.a{key}", $"11.b{key}", $"11.c{key}");
        await Register(grains, root, "测试厅", "11");
        await Register(grains, a, "测试甲局", root);
        await Register(grains, b, "测试乙局", root);
        await Register(grains, a1, "测试甲局一处", a);
        return (root, a, b, a1);
    }

    public static async Task Register(IGrainFactory grains, string id, string name, string parent)
    {
        var result = await grains.GetGrain<IBodyGrain>(id).RegisterDepartmentAsync(new DepartmentRegistration(id, name, parent));
        Assert.True(result.Succeeded, result.Error);
    }

    public static async Task<EffectivePlan> PlanAsync(IGrainFactory grains, string id, int year)
    {
        var result = await grains.GetGrain<IBodyGrain>(id).GetPlanAsync(year);
        Assert.True(result.Succeeded, result.Error);
        return result.Value!;
    }

    public static DateOnly? Due(EffectivePlan plan, string itemId) =>
        plan.Items.Single(i => i.Item.Id == itemId).Item.Deadlines.Select(d => d.DueDate).FirstOrDefault(d => d is not null);
}
