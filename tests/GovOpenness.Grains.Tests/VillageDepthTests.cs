using GovOpenness.Domain.Calendar;
using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Bodies;
using GovOpenness.Abstractions.Plans;
using GovOpenness.Domain.Hierarchy;
using GovOpenness.Domain.Plans;
using GovOpenness.Domain.Progress;
using GovOpenness.Grains.Storage;
using GovOpenness.Grains.Storage.Journal;
using Microsoft.Extensions.DependencyInjection;

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

/// <summary>
/// A cascade to villages activates no village grain and writes nothing per village, nor per township that
/// only follows (their county counts each such township with its villages, <c>FollowingLeaves</c>); a
/// village that acknowledges an item writes only that, and a village that was read sees its township's
/// next version.
/// </summary>
public sealed class VillageCascadeTests : IAsyncLifetime
{
    // 土默特左旗 with its townships and their village committees.
    private const string County = "150121";
    private const int Year = 2033;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "govopenness-village-cascade-" + Guid.NewGuid().ToString("N"));
    private Orleans.TestingHost.TestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await ClusterFixture.StartAsync(_folder, dispatch: true, silos: 1, depth: "village");

    public async Task DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task TheCountyCountsItsVillagesWhichStayInactiveAndWriteOnlyTheirOwnSteps()
    {
        var townships = DivisionCatalog.China.ChildrenOf(County);
        var villages = townships.SelectMany(t => DivisionCatalog.China.ChildrenOf(t, HierarchyDepth.Village)).ToList();
        Assert.True(villages.Count > 50);
        var grains = _cluster.Client;
        var writesBefore = StateWrites;
        await grains.GetGrain<IBodyGrain>(County).PublishPlanAsync(TestPlans.ThreeItems(Year));
        Assert.True((await grains.GetGrain<IBodyDiagnosticsGrain>(County).WaitForDeliveryAsync(Year))!.Complete);
        await Settled.WaitAsync(_cluster);

        // The root of the cascade counts every village, each received once.
        var counts = await ProgressProbe.CountsAsync(grains, County, Year);
        Assert.Equal(1 + townships.Count + villages.Count, ProgressProbe.Figure(counts, "bodies"));
        Assert.Equal(townships.Count + villages.Count, ProgressProbe.Figure(counts, "bodiesReceived"));

        // No village was activated, so none holds an activation once the cascade is quiet; nor any
        // township's progress grain: the county counted each township with its villages.
        Assert.Empty(await VillageActivationsAsync(villages));
        Assert.Empty(await ActivationsAsync(townships.Select(t => IProgressGrain.Key(t, Year))));

        // Nothing written per village or per township that only follows: the county's followers record holds their receipts.
        var journal = new SqliteProgressJournalStore(new StorageSettings { DataDirectory = _folder }.SqlitePath, "govopenness-tests");
        using (journal)
        {
            var stored = await journal.LoadAsync([
                .. villages.Select(v => IProgressGrain.Key(v, Year)),
                .. townships.SelectMany(t => new[] { IProgressGrain.Key(t, Year), IProgressGrain.Key(t, Year) + "/followers" }),
                IProgressGrain.Key(County, Year) + "/followers"]);
            Assert.Equal([IProgressGrain.Key(County, Year) + "/followers"], stored.Keys);
        }

        // The county's own plan, outbox (its acknowledgements flushed each second), history and the registry
        // of open outboxes: a handful however long the delivery took, not one per village.
        var writes = StateWrites - writesBefore;
        Assert.True(writes > 0 && writes < villages.Count / 4, $"{writes} grain-state writes for {villages.Count} villages");
        writesBefore = StateWrites;

        // One village acknowledges an item: its own progress record is the only thing written for a village.
        var village = villages[villages.Count / 2];
        var step = await ProgressProbe.PostAsync(grains, village, new ProgressUpdate(Year, "1.1", ProgressStep.Acknowledged));
        Assert.True(step.Succeeded, step.Error);
        await Settled.WaitAsync(_cluster);
        using (journal = new SqliteProgressJournalStore(new StorageSettings { DataDirectory = _folder }.SqlitePath, "govopenness-tests"))
        {
            var stored = await journal.LoadAsync([.. villages.Select(v => IProgressGrain.Key(v, Year))]);
            Assert.Equal([IProgressGrain.Key(village, Year)], stored.Keys);
        }

        Assert.Equal(writesBefore, StateWrites);
        counts = await ProgressProbe.CountsAsync(grains, County, Year);
        Assert.Equal(1 + townships.Count + villages.Count, ProgressProbe.Figure(counts, "bodies"));
        Assert.Equal(townships.Count + villages.Count, ProgressProbe.Figure(counts, "bodiesReceived"));
        Assert.Equal(1, ProgressProbe.Figure(counts, "itemsAcknowledged"));

        // The village read its plan (its progress grain asked for the items); the county's next version
        // is not sent to it, yet it reads that version.
        Assert.Equal(3, (await TestPlans.PlanAsync(grains, village, Year)).Items.Count);
        var next = TestPlans.ThreeItems(Year);
        await grains.GetGrain<IBodyGrain>(County).PublishPlanAsync(next with { Items = [.. next.Items, TestPlans.Item("4.1", "新增的第四项工作", new DateOnly(Year, 9, 30), "各镇人民政府")] });
        Assert.True((await grains.GetGrain<IBodyDiagnosticsGrain>(County).WaitForDeliveryAsync(Year))!.Complete);
        await Settled.WaitAsync(_cluster);
        Assert.Equal(4, (await TestPlans.PlanAsync(grains, village, Year)).Items.Count);

        // Nor the one after, and the village localizes that one, not the version it read before.
        await grains.GetGrain<IBodyGrain>(County).PublishPlanAsync(next with { Items = [.. next.Items, TestPlans.Item("4.1", "新增的第四项工作", new DateOnly(Year, 9, 30), "各镇人民政府"), TestPlans.Item("4.2", "新增的第五项工作", new DateOnly(Year, 10, 31), "各镇人民政府")] });
        Assert.True((await grains.GetGrain<IBodyDiagnosticsGrain>(County).WaitForDeliveryAsync(Year))!.Complete);
        var localized = await grains.GetGrain<IBodyGrain>(village).LocalizeAsync(new LocalizeCommand(Year, [new ItemChange("1.2", new DeadlineData("8月底前", DeadlineKind.By, new DateOnly(Year, 8, 31)))]));
        Assert.True(localized.Succeeded, localized.Error);
        Assert.Equal(5, localized.Value!.Plan.Items.Count);
    }

    [Fact]
    public async Task TheCountysCountOfItsFollowingTownshipsAndTheirVillagesIsARecountAndTheirOwnSummariesWhenTheyActivate()
    {
        // 2022 on the cluster's clock (2022-10-14): 1.2 (9月底, 3 working days earlier at each level) is
        // overdue, so the offenders and the overdue days, which differ by level, are counted too.
        const int year = 2022;
        var townships = DivisionCatalog.China.ChildrenOf(County);
        var villages = townships.SelectMany(t => DivisionCatalog.China.ChildrenOf(t, HierarchyDepth.Village)).ToList();
        var grains = _cluster.Client;
        await grains.GetGrain<IBodyGrain>(County).PublishPlanAsync(TestPlans.ThreeItems(year, new LocalizationPolicyData(DeadlineWorkingDaysBefore: 3)));
        Assert.True((await grains.GetGrain<IBodyDiagnosticsGrain>(County).WaitForDeliveryAsync(year))!.Complete);
        await Settled.WaitAsync(_cluster);
        Assert.Empty(await ActivationsAsync(townships.Select(t => IProgressGrain.Key(t, year))));
        var counted = await SummaryAsync(grains, County, year);
        Assert.Equal(1 + townships.Count + villages.Count, counted.Summary.Counts.Bodies);
        Assert.Equal(townships.Count + villages.Count, counted.Summary.Counts[SummaryFigure.BodiesReceived]);
        Assert.True(counted.Summary.Counts.ItemsOverdue > 0 && counted.Summary.Extremes.Offenders.Length > 0);

        // Townships counted by the county activate each a different way first: a read of its summary (it
        // counts itself with its villages, as the county counted it), a step of its own, a village's step.
        var read = townships[1];
        var itself = await SummaryAsync(grains, read, year);
        Assert.Equal(1 + DivisionCatalog.China.VillageCount(read), itself.Summary.Counts.Bodies);
        Assert.Equal(1 + DivisionCatalog.China.VillageCount(read), itself.Summary.Counts[SummaryFigure.BodiesReceived]);
        Assert.Equal($"{itself.Summary.Score}", $"{counted.Ranking.Single(r => r.BodyId == read).Score}");
        Assert.True((await ProgressProbe.PostAsync(grains, townships[2], new ProgressUpdate(year, "1.1", ProgressStep.Acknowledged))).Succeeded);
        var village = DivisionCatalog.China.ChildrenOf(townships[^1], HierarchyDepth.Village)[0];
        Assert.True((await ProgressProbe.PostAsync(grains, village, new ProgressUpdate(year, "1.2", ProgressStep.Acknowledged))).Succeeded);
        await Settled.WaitAsync(_cluster);
        var stepped = await SummaryAsync(grains, County, year);
        Assert.Equal(counted.Summary.Counts.Bodies, stepped.Summary.Counts.Bodies);
        Assert.Equal(counted.Summary.Counts[SummaryFigure.BodiesReceived], stepped.Summary.Counts[SummaryFigure.BodiesReceived]);
        Assert.Equal(counted.Summary.Counts.Items, stepped.Summary.Counts.Items);
        Assert.Equal(2, stepped.Summary.Counts[SummaryFigure.ItemsAcknowledged]);

        // The relay sends a stored note again when its removal failed or its silo died: a township's note
        // repeated, of one the county still counts and of one now active on its own (the county answers it,
        // and the relay notes it at the township itself), counts nothing twice.
        var relay = _cluster.Silos.OfType<Orleans.TestingHost.InProcessSiloHandle>().Single().SiloHost.Services.GetRequiredService<MilestoneRelay>();
        await relay.NoteAsync(townships[4], year, PlanMilestoneKind.ReceivedWithLeaves);
        await relay.NoteAsync(townships[2], year, PlanMilestoneKind.ReceivedWithLeaves);
        await Settled.WaitAsync(_cluster);
        Assert.Equal(stepped.Summary, (await SummaryAsync(grains, County, year)).Summary);
        Assert.Empty(await ActivationsAsync([IProgressGrain.Key(townships[4], year)]));

        // Every body's own progress, read from its own progress grain (a village read first asks its
        // township for the receipt, so that township adopts from the county then): the county's count
        // equals the recount, offenders included.
        var today = ChinaTime.Today(ClusterFixture.Clock);
        var recount = new long[SummaryCounts.Length];
        var parts = new List<SummaryExtremes>();
        foreach (var body in new[] { County }.Concat(villages.Take(3)).Concat(townships).Concat(villages.Skip(3)))
        {
            var own = await grains.GetGrain<IBodyProgressReaderGrain>(IProgressGrain.Key(body, year)).GetOwnProgressAsync();
            Assert.Equal(3, own.Targets.Length);
            var figures = ProgressFigures.ForBody(own, today, WorkingDayCalendar.China);
            figures.Counts.AddTo(recount);
            parts.Add(figures.Extremes);
        }

        Assert.Equal(SummaryCounts.From(recount), stepped.Summary.Counts);
        Assert.Equal(SummaryExtremes.Merge(parts), stepped.Summary.Extremes);

        // Once every township's own summary replaced its follower's at the county, nothing moved, the
        // ranking of the townships included.
        await Settled.WaitAsync(_cluster);
        var after = await SummaryAsync(grains, County, year);
        Assert.Equal(stepped.Summary, after.Summary);
        Assert.Equal(stepped.Ranking.Select(r => $"{r.Rank} {r.BodyId} {r.Score}"), after.Ranking.Select(r => $"{r.Rank} {r.BodyId} {r.Score}"));
    }

    private static async Task<SummaryView> SummaryAsync(IGrainFactory grains, string body, int year)
    {
        var summary = await grains.GetGrain<IProgressGrain>(IProgressGrain.Key(body, year)).GetSummaryAsync();
        Assert.True(summary.Succeeded, summary.Error);
        return summary.Value!;
    }

    /// <summary>Body and progress activations of the given villages in the cluster.</summary>
    private Task<List<string>> VillageActivationsAsync(IReadOnlyCollection<string> villages) =>
        ActivationsAsync(villages.SelectMany(v => new[] { v, IProgressGrain.Key(v, Year) }));

    /// <summary>Which of the given grain keys have an activation in the cluster.</summary>
    private async Task<List<string>> ActivationsAsync(IEnumerable<string> keys)
    {
        var ids = keys.ToHashSet(StringComparer.Ordinal);
        var statistics = await _cluster.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return [.. statistics.Select(s => s.GrainId.Key.ToString()!).Where(ids.Contains)];
    }

    /// <summary>Grain-state writes (plans, outbox, profile, history, registry) of the silo so far.</summary>
    private long StateWrites => _cluster.Silos.OfType<Orleans.TestingHost.InProcessSiloHandle>().Single().SiloHost.Services.GetRequiredService<StorageCounters>().Writes;
}

/// <summary>The default depth stops at townships: a village code names no body.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TownshipDepthTests(ClusterFixture fixture)
{
    [Fact]
    public async Task TheDefaultDepthKnowsNoVillages() =>
        Assert.Null(await fixture.Grains.GetGrain<IBodyGrain>("150121100001").GetInfoAsync());
}
