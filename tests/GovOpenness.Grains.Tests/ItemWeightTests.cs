using System.Text.Json;
using GovOpenness.Abstractions;

namespace GovOpenness.Grains.Tests;

/// <summary>An item's weight is set by its issuer and counts alike at every level below.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ItemWeightTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task AWeightSetByTheIssuerReachesTheLowerBodysProgressAndTheRollUp()
    {
        var (root, a, _, _) = await TestPlans.DepartmentTreeAsync(_grains);
        var plan = TestPlans.ThreeItems(2022);
        plan = plan with { Items = [plan.Items[0] with { Weight = 5 }, .. plan.Items.Skip(1)] };
        var published = await _grains.GetGrain<IBodyGrain>(root).PublishPlanAsync(plan);
        Assert.True(published.Succeeded, published.Error);
        await _grains.GetGrain<IBodyDiagnosticsGrain>(root).WaitForDeliveryAsync(2022);

        var weights = await WaitForWeightsAsync(a, "1.1", 5);
        Assert.Equal(new Dictionary<string, int> { ["1.1"] = 5, ["1.2"] = 1, ["2.1"] = 1 }, weights);

        // The root's own items weigh 7 in all; its subtree sums that over every body holding the plan.
        await ProgressProbe.FlushAsync(_grains, a);
        var counts = await ProgressProbe.CountsAsync(_grains, root);
        var bodiesWithItems = ProgressProbe.Figure(counts, "items") / 3;
        Assert.True(bodiesWithItems >= 2, counts.GetRawText());
        Assert.Equal(7 * bodiesWithItems, ProgressProbe.Figure(counts, "weightTotal"));
    }

    [Fact]
    public async Task AWeightOutsideOneToAThousandIsRefusedNamingTheItem()
    {
        var (root, _, _, _) = await TestPlans.DepartmentTreeAsync(_grains);
        var plan = TestPlans.ThreeItems(2022);
        plan = plan with { Items = [.. plan.Items.Take(1), plan.Items[1] with { Weight = 0 }, .. plan.Items.Skip(2)] };
        var published = await _grains.GetGrain<IBodyGrain>(root).PublishPlanAsync(plan);
        Assert.False(published.Succeeded);
        Assert.Contains("事项“1.2”的权重0无效", published.Error);
    }

    private async Task<Dictionary<string, int>> WaitForWeightsAsync(string bodyId, string itemId, int expected)
    {
        // The weights reach the progress grain with the localization's milestone, through the relay.
        await Settled.WaitAsync(fixture.Cluster);
        var table = await ProgressProbe.Grain(_grains, bodyId).GetItemsAsync();
        Assert.True(table.Succeeded, table.Error);
        return table.Value!.Items.ToDictionary(i => i.ItemId, i => i.Weight);
    }
}
