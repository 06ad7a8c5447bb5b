using GovOpenness.Abstractions.Plans;
using GovOpenness.Domain.Plans;
using GovOpenness.Domain.Progress;
using GovOpenness.Grains.Rules;

namespace GovOpenness.Grains.Tests;

/// <summary>What the progress grain counts of the plan the body grain hands it (the wire form, depths and all).</summary>
public sealed class PlanTargetsTests
{
    [Fact]
    public void A_chapter_heading_is_no_target_its_tasks_are_and_so_is_a_top_level_entry_without_tasks()
    {
        var plan = Plan(
            Item("1", 1, null, []),
            Item("1.1", 2, 1, [new DeadlineData("11月底前", DeadlineKind.By, new DateOnly(2022, 11, 30)), new DeadlineData("6月底前", DeadlineKind.By, new DateOnly(2022, 6, 30))]),
            Item("1.2", 2, 3, [new DeadlineData("持续推进", DeadlineKind.Ongoing)]),
            Item("2", 1, null, [new DeadlineData("9月底前", DeadlineKind.By, new DateOnly(2022, 9, 30))]));

        var targets = PlanTargets.Of(plan);

        Assert.Equal(
            new[] { new ItemTarget("1.1", new DateOnly(2022, 6, 30)), new ItemTarget("1.2", null, 3), new ItemTarget("2", new DateOnly(2022, 9, 30)) },
            targets);
    }

    private static PlanItemData Item(string id, int depth, int? weight, DeadlineData[] deadlines) =>
        new(id, id, $"事项{id}", deadlines, ["省政务公开办"], depth, weight ?? 1);

    private static EffectivePlan Plan(params PlanItemData[] items) =>
        new("14", 2022, "v1", "14", "要点", null, [.. items.Select(i => new EffectiveItem(i, "14", []))], [], []);
}
