using GovOpenness.Abstractions;
using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Hierarchy;
using GovOpenness.Domain.Progress;
using GovOpenness.Grains.Storage;
using GovOpenness.Grains.Storage.Journal;

namespace GovOpenness.Grains.Tests;

/// <summary>
/// Leaves that only follow are counted by their parent: one followers record at the parent, none per
/// leaf, and a leaf that becomes active adopts its receipt without being counted twice.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class FollowerReceiptTests(ClusterFixture fixture)
{
    // 土默特左旗 and its townships, used by no other test.
    private const string County = "150121";
    private const int Year = 2031;

    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task LeavesThatOnlyFollowAreCountedByTheirParentAndAdoptTheirReceiptWhenActive()
    {
        var townships = DivisionCatalog.China.ChildrenOf(County);
        var n = townships.Count;
        Assert.True(n > 5);
        await _grains.GetGrain<IBodyGrain>(County).PublishPlanAsync(TestPlans.ThreeItems(Year));
        Assert.True((await _grains.GetGrain<IBodyDiagnosticsGrain>(County).WaitForDeliveryAsync(Year))!.Complete);
        await Settled.WaitAsync(fixture.Cluster);

        var counts = await ProgressProbe.CountsAsync(_grains, County, Year);
        Assert.Equal(n + 1, ProgressProbe.Figure(counts, "bodies"));
        Assert.Equal(n, ProgressProbe.Figure(counts, "bodiesReceived"));
        Assert.Equal(3 * (n + 1), ProgressProbe.Figure(counts, "items"));

        // Nothing written per leaf that only follows: the county's one record holds their receipts.
        using var store = new SqliteProgressJournalStore(new StorageSettings { DataDirectory = fixture.DataDirectory }.SqlitePath, "govopenness-tests");
        var stored = await store.LoadAsync([.. townships.Select(t => IProgressGrain.Key(t, Year)), IProgressGrain.Key(County, Year) + "/followers"]);
        Assert.Equal([IProgressGrain.Key(County, Year) + "/followers"], stored.Keys);

        // One township acts: its own record now carries the receipt, and the county counts it once.
        var active = townships[3];
        var step = await ProgressProbe.PostAsync(_grains, active, new ProgressUpdate(Year, "1.1", ProgressStep.Acknowledged));
        Assert.True(step.Succeeded, step.Error);
        var own = await _grains.GetGrain<IBodyProgressReaderGrain>(IProgressGrain.Key(active, Year)).GetOwnProgressAsync();
        Assert.Equal(ChinaTime.Today(ClusterFixture.Clock), own.Milestones.ReceivedOn);
        await Settled.WaitAsync(fixture.Cluster);

        counts = await ProgressProbe.CountsAsync(_grains, County, Year);
        Assert.Equal(n + 1, ProgressProbe.Figure(counts, "bodies"));
        Assert.Equal(n, ProgressProbe.Figure(counts, "bodiesReceived"));
        Assert.Equal(1, ProgressProbe.Figure(counts, "itemsAcknowledged"));
        stored = await store.LoadAsync([IProgressGrain.Key(active, Year)]);
        Assert.Contains("receivedOn", Assert.Single(stored.Values).Payload, StringComparison.OrdinalIgnoreCase);
    }
}
