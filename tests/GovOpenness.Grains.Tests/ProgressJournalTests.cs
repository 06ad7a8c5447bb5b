using GovOpenness.Abstractions;
using GovOpenness.Domain.Progress;
using GovOpenness.Grains.Storage.Journal;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace GovOpenness.Grains.Tests;

/// <summary>The group-commit journal on the shared cluster: many grains' records share transactions.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ProgressJournalTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task ConcurrentUpdatesFromManyGrainsCommitInFewerTransactionsThanUpdates()
    {
        var key = Guid.NewGuid().ToString("N")[..10];
        var root = $"11.j{key}";
        await TestPlans.Register(_grains, root, "批量提交测试", "11");
        var children = Enumerable.Range(0, 40).Select(i => $"11.j{key}x{i}").ToList();
        foreach (var child in children)
        {
            await TestPlans.Register(_grains, child, $"部门{child}", root);
        }

        await _grains.GetGrain<IBodyGrain>(root).PublishPlanAsync(TestPlans.ThreeItems(2022));
        await _grains.GetGrain<IBodyDiagnosticsGrain>(root).WaitForDeliveryAsync(2022);
        await Task.WhenAll(children.Select(c => ProgressProbe.Grain(_grains, c).GetSummaryAsync()));

        var (recordsBefore, commitsBefore) = Totals(fixture.Cluster);
        var posted = await Task.WhenAll(children.SelectMany(c => new[] { "1.1", "1.2", "2.1" }
            .Select(item => ProgressProbe.PostAsync(_grains, c, new ProgressUpdate(2022, item, ProgressStep.Acknowledged)))));
        var (recordsAfter, commitsAfter) = Totals(fixture.Cluster);

        Assert.All(posted, p => Assert.True(p.Succeeded, p.Error));
        var records = recordsAfter - recordsBefore;
        var commits = commitsAfter - commitsBefore;
        Assert.True(records >= posted.Length, $"{records} records stored for {posted.Length} updates");
        Assert.True(commits < records, $"{records} records took {commits} transactions");
    }

    /// <summary>Records and commits over every silo of the cluster.</summary>
    internal static (long Records, long Commits) Totals(TestCluster cluster)
    {
        var counters = cluster.Silos.Cast<InProcessSiloHandle>()
            .Select(s => s.SiloHost.Services.GetRequiredService<ProgressJournalCounters>()).ToList();
        return (counters.Sum(c => c.Records), counters.Sum(c => c.Commits));
    }
}
