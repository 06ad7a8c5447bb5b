using GovOpenness.Abstractions;
using GovOpenness.Domain.Hierarchy;
using GovOpenness.Domain.Progress;
using GovOpenness.Grains.Storage;
using GovOpenness.Grains.Storage.Journal;

namespace GovOpenness.Grains.Tests;

/// <summary>
/// At the default depth a county whose townships all follow is counted with them by its prefecture (one
/// follower receipt with its leaf count), as a township with its villages is at the village depth: a
/// prefecture's cascade activates no county progress grain and writes nothing per county or township,
/// and a township's own step later rolls up exactly through the county that then activates.
/// </summary>
public sealed class FollowingCountyTests : IAsyncLifetime
{
    // 吕梁市, its counties and their townships.
    private const string Prefecture = "1411";
    private const int Year = 2034;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "govopenness-following-county-" + Guid.NewGuid().ToString("N"));
    private Orleans.TestingHost.TestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await ClusterFixture.StartAsync(_folder, dispatch: true, silos: 1);

    public async Task DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task ThePrefectureCountsItsFollowingCountiesWithTheirTownshipsAndATownshipsStepRollsUpExactly()
    {
        var counties = DivisionCatalog.China.ChildrenOf(Prefecture);
        var townships = counties.SelectMany(c => DivisionCatalog.China.ChildrenOf(c)).ToList();
        Assert.True(counties.Count > 5 && townships.Count > 100);
        var grains = _cluster.Client;
        await grains.GetGrain<IBodyGrain>(Prefecture).PublishPlanAsync(TestPlans.ThreeItems(Year));
        Assert.True((await grains.GetGrain<IBodyDiagnosticsGrain>(Prefecture).WaitForDeliveryAsync(Year))!.Complete);
        await Settled.WaitAsync(_cluster);

        var counts = await ProgressProbe.CountsAsync(grains, Prefecture, Year);
        Assert.Equal(1 + counties.Count + townships.Count, ProgressProbe.Figure(counts, "bodies"));
        Assert.Equal(counties.Count + townships.Count, ProgressProbe.Figure(counts, "bodiesReceived"));

        // No county's or township's progress grain was activated, and only the prefecture's records were written.
        Assert.Empty(await ActivationsAsync([.. counties, .. townships]));
        using (var journal = new SqliteProgressJournalStore(new StorageSettings { DataDirectory = _folder }.SqlitePath, "govopenness-tests"))
        {
            var stored = await journal.LoadAsync([
                .. counties.SelectMany(c => new[] { IProgressGrain.Key(c, Year), IProgressGrain.Key(c, Year) + "/followers" }),
                .. townships.Select(t => IProgressGrain.Key(t, Year)),
                IProgressGrain.Key(Prefecture, Year) + "/followers"]);
            Assert.Equal([IProgressGrain.Key(Prefecture, Year) + "/followers"], stored.Keys);
        }

        // A township acknowledges an item: its county activates, adopts its receipt and its townships', and
        // the prefecture's count stays exact with the step in it.
        var township = townships[townships.Count / 2];
        var step = await ProgressProbe.PostAsync(grains, township, new ProgressUpdate(Year, "1.1", ProgressStep.Acknowledged));
        Assert.True(step.Succeeded, step.Error);
        await Settled.WaitAsync(_cluster);
        counts = await ProgressProbe.CountsAsync(grains, Prefecture, Year);
        Assert.Equal(1 + counties.Count + townships.Count, ProgressProbe.Figure(counts, "bodies"));
        Assert.Equal(counties.Count + townships.Count, ProgressProbe.Figure(counts, "bodiesReceived"));
        Assert.Equal(1, ProgressProbe.Figure(counts, "itemsAcknowledged"));

        var county = DivisionCatalog.China.Find(township)!.ParentId!;
        var countyCounts = await ProgressProbe.CountsAsync(grains, county, Year);
        Assert.Equal(1 + DivisionCatalog.China.ChildrenOf(county).Count, ProgressProbe.Figure(countyCounts, "bodies"));
        Assert.Equal(1 + DivisionCatalog.China.ChildrenOf(county).Count, ProgressProbe.Figure(countyCounts, "bodiesReceived"));
        Assert.Equal(1, ProgressProbe.Figure(countyCounts, "itemsAcknowledged"));
    }

    /// <summary>Which of the given bodies' progress grains have an activation in the cluster.</summary>
    private async Task<List<string>> ActivationsAsync(IEnumerable<string> bodies)
    {
        var ids = bodies.Select(b => IProgressGrain.Key(b, Year)).ToHashSet(StringComparer.Ordinal);
        var statistics = await _cluster.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return [.. statistics.Select(s => s.GrainId.Key.ToString()!).Where(ids.Contains)];
    }
}
