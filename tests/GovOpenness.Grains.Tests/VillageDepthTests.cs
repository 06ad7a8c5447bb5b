using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Bodies;
using GovOpenness.Domain.Hierarchy;

namespace GovOpenness.Grains.Tests;

/// <summary>
/// <c>GovOpenness:Hierarchy:Depth=village</c> puts each township's village committees on the grains:
/// a township's plan reaches them and its summary counts them, each receipt once.
/// </summary>
public sealed class VillageDepthTests : IAsyncLifetime
{
    // 察素齐镇 (土默特左旗), a township with village committees.
    private const string Township = "150121100";
    private const int Year = 2032;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "govopenness-villages-" + Guid.NewGuid().ToString("N"));
    private Orleans.TestingHost.TestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await ClusterFixture.StartAsync(_folder, dispatch: true, silos: 1, depth: "village");

    public async Task DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task ATownshipsPlanReachesItsVillagesAndItsSummaryCountsThem()
    {
        var villages = DivisionCatalog.China.VillageCount(Township);
        Assert.True(villages > 0);
        var grains = _cluster.Client;
        var first = await grains.GetGrain<IBodyGrain>(Township + "001").GetInfoAsync();
        Assert.Equal(new BodyInfo(Township + "001", "察素齐镇第1村（居）委会", Township, BodyLevel.Village), first);
        Assert.Null(await grains.GetGrain<IBodyGrain>(Township + (villages + 1).ToString("000", System.Globalization.CultureInfo.InvariantCulture)).GetInfoAsync());

        await grains.GetGrain<IBodyGrain>(Township).PublishPlanAsync(TestPlans.ThreeItems(Year));
        var status = await grains.GetGrain<IBodyDiagnosticsGrain>(Township).WaitForDeliveryAsync(Year);
        Assert.True(status!.Complete);
        await Settled.WaitAsync(_cluster);

        var counts = await ProgressProbe.CountsAsync(grains, Township, Year);
        Assert.Equal(villages + 1, ProgressProbe.Figure(counts, "bodies"));
        Assert.Equal(villages, ProgressProbe.Figure(counts, "bodiesReceived"));

        // A village derives the township's plan on demand, as a township derives its county's.
        var plan = await TestPlans.PlanAsync(grains, Township + "001", Year);
        Assert.Equal(3, plan.Items.Count);
    }
}

/// <summary>The default depth stops at townships: a village code names no body.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TownshipDepthTests(ClusterFixture fixture)
{
    [Fact]
    public async Task TheDefaultDepthKnowsNoVillages() =>
        Assert.Null(await fixture.Grains.GetGrain<IBodyGrain>("150121100001").GetInfoAsync());
}
