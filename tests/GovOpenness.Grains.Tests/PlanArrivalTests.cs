using GovOpenness.Abstractions;
using GovOpenness.Domain.Progress;

namespace GovOpenness.Grains.Tests;

/// <summary>
/// A progress grain can be active before its body's plan arrives (a supervisor opened the body's
/// progress, a viewer's tree asked its summary). When the plan then arrives, the grain must learn the
/// plan's items at once, not only when it is next activated.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PlanArrivalTests(ClusterFixture fixture)
{
    private const int Year = 2034;

    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task A_progress_grain_active_before_the_plan_arrives_learns_its_items_when_it_arrives()
    {
        var (root, a, b, a1) = await TestPlans.DepartmentTreeAsync(_grains);

        // Opened before anything is published: no items yet, and the grains stay active.
        foreach (var early in new[] { a, a1 })
        {
            var before = await ProgressProbe.Grain(_grains, early, Year).GetItemsAsync();
            Assert.True(before.Succeeded, before.Error);
            Assert.Empty(before.Value!.Items);
        }

        await _grains.GetGrain<IBodyGrain>(root).PublishPlanAsync(TestPlans.ThreeItems(Year));
        Assert.True((await _grains.GetGrain<IBodyDiagnosticsGrain>(root).WaitForDeliveryAsync(Year))!.Complete);
        await Settled.WaitAsync(fixture.Cluster);

        // A body with children (its receipt noted on its own grain) and a leaf (noted at its parent).
        foreach (var early in new[] { a, a1 })
        {
            var after = await ProgressProbe.Grain(_grains, early, Year).GetItemsAsync();
            Assert.True(after.Succeeded, after.Error);
            Assert.Equal(["1.1", "1.2", "2.1"], after.Value!.Items.Select(i => i.ItemId));
        }

        // Their figures reach the root with the items: four bodies of three items each.
        await ProgressProbe.FlushAsync(_grains, a1, a, b);
        await Settled.WaitAsync(fixture.Cluster);
        Assert.Equal(4 * 3, ProgressProbe.Figure(await ProgressProbe.CountsAsync(_grains, root, Year), "items"));

        // And a step on one of them is taken (before the fix: "not in the plan" until reactivation).
        var step = await ProgressProbe.PostAsync(_grains, a1, new ProgressUpdate(Year, "1.1", ProgressStep.Acknowledged));
        Assert.True(step.Succeeded, step.Error);
    }
}
