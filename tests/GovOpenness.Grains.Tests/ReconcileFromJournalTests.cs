using GovOpenness.Abstractions;
using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Hierarchy;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Progress;
using GovOpenness.Grains.Storage;
using GovOpenness.Grains.Storage.Journal;

namespace GovOpenness.Grains.Tests;

/// <summary>
/// Issue 11, convergence: the reconciler's full resend must carry what is stored, not what one activation
/// remembers. In the fault suite (黑龙江, 2 kills and a PostgreSQL crash) five counties' summaries stayed
/// short of their stored followers for good: the records had been written behind the live activation's
/// back (a second activation while membership changed, or a commit whose answer was lost), and a resend
/// only repeated the live activation's figures.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ReconcileFromJournalTests(ClusterFixture fixture)
{
    // 托克托县 and its townships, used by no other test.
    private const string County = "150122";
    private const int Year = 2033;

    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task AnActivationBehindTheJournalLeavesAndTheFreshOneResendsWhatIsStored()
    {
        var townships = DivisionCatalog.China.ChildrenOf(County);
        Assert.True(townships.Count > 3);
        await _grains.GetGrain<IBodyGrain>(County).PublishPlanAsync(TestPlans.ThreeItems(Year));
        Assert.True((await _grains.GetGrain<IBodyDiagnosticsGrain>(County).WaitForDeliveryAsync(Year))!.Complete);
        var township = townships[2];
        var step = await ProgressProbe.PostAsync(_grains, township, new ProgressUpdate(Year, "1.1", ProgressStep.Acknowledged));
        Assert.True(step.Succeeded, step.Error);
        await Settled.WaitAsync(fixture.Cluster);
        Assert.Equal(1, ProgressProbe.Figure(await ProgressProbe.CountsAsync(_grains, County, Year), "itemsAcknowledged"));

        // Another activation of the township acknowledges a second item and is gone: the live activation
        // still holds the record before it (its version is behind the stored one).
        var key = IProgressGrain.Key(township, Year);
        using var store = new SqliteProgressJournalStore(new StorageSettings { DataDirectory = fixture.DataDirectory }.SqlitePath, "govopenness-tests");
        var stored = (await store.LoadAsync([key]))[key];
        // Targets are not stored (they come from the plan): the writer had them, as any activation does.
        var applied = LocalizationJson.Deserialize<BodyProgress>(stored.Payload)
            .WithTargets([new ItemTarget("1.1", new DateOnly(Year, 11, 30)), new ItemTarget("1.2", new DateOnly(Year, 9, 30)), new ItemTarget("2.1", null)])
            .Apply(new ProgressUpdate(Year, "1.2", ProgressStep.Acknowledged), ChinaTime.Today(ClusterFixture.Clock));
        Assert.True(applied.Outcome.IsApplied, applied.Outcome.Message);
        Assert.Empty(store.Commit([new JournalRecord(key, LocalizationJson.Serialize(applied.Body with { Targets = [] }), stored.Version)], []));

        // The reconciler's resend: the live activation finds itself behind and leaves without sending its
        // figures; asked again, a fresh activation reads the stored record and resends it in full.
        var grain = _grains.GetGrain<IProgressGrain>(key);
        Assert.False(await grain.ResendFullAsync());
        Assert.True(await grain.ResendFullAsync());
        await Settled.WaitAsync(fixture.Cluster);

        var counts = await ProgressProbe.CountsAsync(_grains, County, Year);
        Assert.Equal(2, ProgressProbe.Figure(counts, "itemsAcknowledged"));
        Assert.Equal(townships.Count, ProgressProbe.Figure(counts, "bodiesReceived"));

        // Nothing behind any more: a further resend is sent by the activation that answers it.
        Assert.True(await grain.ResendFullAsync());
    }

    [Fact]
    public async Task AfterTheResendACountyCountsTheFollowersStoredNotThoseItRemembers()
    {
        // 清水河县: its townships only follow (no record of their own; the county's one record holds them).
        const string county = "150124";
        var townships = DivisionCatalog.China.ChildrenOf(county);
        Assert.True(townships.Count > 3);
        await _grains.GetGrain<IBodyGrain>(county).PublishPlanAsync(TestPlans.ThreeItems(Year));
        Assert.True((await _grains.GetGrain<IBodyDiagnosticsGrain>(county).WaitForDeliveryAsync(Year))!.Complete);
        await Settled.WaitAsync(fixture.Cluster);
        Assert.Equal(townships.Count, ProgressProbe.Figure(await ProgressProbe.CountsAsync(_grains, county, Year), "bodiesReceived"));

        // Another activation of the county wrote the followers record (here: without the last township),
        // so what the live activation counted is no longer what is stored.
        var key = IProgressGrain.Key(county, Year) + "/followers";
        using var store = new SqliteProgressJournalStore(new StorageSettings { DataDirectory = fixture.DataDirectory }.SqlitePath, "govopenness-tests");
        var stored = (await store.LoadAsync([key]))[key];
        var held = FollowerReceipts.Deserialize(stored.Payload);
        Assert.Equal(townships.Order(StringComparer.Ordinal), held.ChildIds.Order(StringComparer.Ordinal));
        var written = new FollowerReceipts();
        foreach (var township in townships.SkipLast(1))
        {
            var milestones = held.Find(township)!;
            written.Merge([(township, milestones.ReceivedOn!.Value)], milestones.ParentIssuedOn!.Value);
        }

        Assert.Empty(store.Commit([new JournalRecord(key, written.Serialize(), stored.Version)], []));

        var grain = _grains.GetGrain<IProgressGrain>(IProgressGrain.Key(county, Year));
        Assert.False(await grain.ResendFullAsync());
        Assert.True(await grain.ResendFullAsync());
        await Settled.WaitAsync(fixture.Cluster);

        // The summary is a recount of the store again.
        Assert.Equal(townships.Count - 1, ProgressProbe.Figure(await ProgressProbe.CountsAsync(_grains, county, Year), "bodiesReceived"));
    }

    [Fact]
    public async Task AChildWhoseParentHeardANewerActivationTakesOverWhenItHoldsWhatIsStored()
    {
        // 和林格尔县: one township reports.
        const string county = "150123";
        var township = DivisionCatalog.China.ChildrenOf(county)[1];
        await _grains.GetGrain<IBodyGrain>(county).PublishPlanAsync(TestPlans.ThreeItems(Year));
        Assert.True((await _grains.GetGrain<IBodyDiagnosticsGrain>(county).WaitForDeliveryAsync(Year))!.Complete);
        var first = await ProgressProbe.PostAsync(_grains, township, new ProgressUpdate(Year, "1.1", ProgressStep.Acknowledged));
        Assert.True(first.Succeeded, first.Error);
        await Settled.WaitAsync(fixture.Cluster);
        var epoch = (await ProgressProbe.Grain(_grains, township, Year).GetSummaryAsync()).Value!.Epoch;

        // Another activation of the township (a second one while membership changed) sent its figures
        // under a newer epoch, then was gone: the county now ignores the live activation's deltas as older.
        var county_ = ProgressProbe.Grain(_grains, county, Year);
        var other = await county_.ReceiveDeltaAsync(new SummaryDelta(township, Year, epoch + 1_000_000, 0, 1, SummaryCounts.Zero, null));
        Assert.Equal(DeltaOutcome.Applied, other.Outcome);
        Assert.Equal(0, ProgressProbe.Figure(await ProgressProbe.CountsAsync(_grains, county, Year), "itemsAcknowledged"));

        // The live activation, which holds what is stored, takes over with a newer epoch still: its next
        // step counts (before: answered "duplicate" at every flush, never counted, never settled).
        var second = await ProgressProbe.PostAsync(_grains, township, new ProgressUpdate(Year, "1.2", ProgressStep.Acknowledged));
        Assert.True(second.Succeeded, second.Error);
        await Settled.WaitAsync(fixture.Cluster);
        Assert.Equal(2, ProgressProbe.Figure(await ProgressProbe.CountsAsync(_grains, county, Year), "itemsAcknowledged"));
        Assert.True((await ProgressProbe.Grain(_grains, township, Year).GetSummaryAsync()).Value!.Epoch > epoch + 1_000_000);
    }
}
