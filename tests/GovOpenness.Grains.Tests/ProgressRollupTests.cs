using GovOpenness.Abstractions;
using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Progress;

namespace GovOpenness.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ProgressRollupTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task ProgressAtTheLowestBodyReachesEveryLevelAbove()
    {
        // Five levels of departments stand in for 省 → 市 → 县 → 乡 under a unique key.
        var key = Guid.NewGuid().ToString("N")[..10];
        var chain = Enumerable.Range(0, 5).Select(i => $"11.p{i}{key}").ToArray();
        await TestPlans.Register(_grains, chain[0], "测试厅", "11");
        for (var i = 1; i < chain.Length; i++)
        {
            await TestPlans.Register(_grains, chain[i], $"测试{i}级", chain[i - 1]);
        }

        await _grains.GetGrain<IBodyGrain>(chain[0]).PublishPlanAsync(TestPlans.ThreeItems(2022));
        Assert.True((await _grains.GetGrain<IBodyDiagnosticsGrain>(chain[0]).WaitForDeliveryAsync(2022))!.Complete);
        var leaf = chain[^1];

        var ack = await ProgressProbe.PostAsync(_grains, leaf, new ProgressUpdate(2022, "1.1", ProgressStep.Acknowledged));
        await ProgressProbe.PostAsync(_grains, leaf, new ProgressUpdate(2022, "1.2", ProgressStep.Acknowledged));
        var report = await ProgressProbe.PostAsync(_grains, leaf, new ProgressUpdate(2022, "1.2", ProgressStep.Reported, Evidence: ["https://example.gov.cn/1"]));
        Assert.True(ack.Succeeded, ack.Error);
        Assert.True(report.Succeeded, report.Error);
        await ProgressProbe.FlushAsync(_grains, [.. chain.Skip(1).Reverse()]);

        foreach (var id in chain)
        {
            var counts = await ProgressProbe.CountsAsync(_grains, id);
            Assert.Equal(1, ProgressProbe.Figure(counts, "itemsAcknowledged"));
            Assert.Equal(1, ProgressProbe.Figure(counts, "itemsReported"));
        }
    }

    [Fact]
    public async Task InvalidStepIsRejectedWithTheDomainsChineseMessage()
    {
        var (root, _, _, a1) = await TestPlans.DepartmentTreeAsync(_grains);
        await _grains.GetGrain<IBodyGrain>(root).PublishPlanAsync(TestPlans.ThreeItems(2022));
        await _grains.GetGrain<IBodyDiagnosticsGrain>(root).WaitForDeliveryAsync(2022);

        var result = await ProgressProbe.PostAsync(_grains, a1, new ProgressUpdate(2022, "1.1", ProgressStep.Reported));

        Assert.Equal(FailureKind.Conflict, result.Failure);
        Assert.Contains("请先签收", result.Error);
    }

    [Fact]
    public async Task RandomUpdatesSettleToARecountFromTheLeaves()
    {
        var (root, a, b, a1) = await TestPlans.DepartmentTreeAsync(_grains);
        await _grains.GetGrain<IBodyGrain>(root).PublishPlanAsync(TestPlans.ThreeItems(2022));
        await _grains.GetGrain<IBodyDiagnosticsGrain>(root).WaitForDeliveryAsync(2022);
        var parents = new Dictionary<string, string?> { [root] = "11", [a] = root, [b] = root, [a1] = a };
        var local = new Dictionary<string, BodyProgress>();
        foreach (var (id, parent) in parents)
        {
            var plan = await TestPlans.PlanAsync(_grains, id, 2022);
            var targets = plan.Items.Select(i => new ItemTarget(i.Item.Id, i.Item.Deadlines.Select(d => d.DueDate).Where(d => d.HasValue).Min()));
            local[id] = new BodyProgress(id, 2022, parent).WithTargets(targets);
        }

        var random = new Random(20221130);
        var steps = Enum.GetValues<ProgressStep>();
        var bodies = parents.Keys.ToArray();
        for (var n = 0; n < 60; n++)
        {
            var body = bodies[random.Next(bodies.Length)];
            var step = steps[random.Next(steps.Length)];
            var update = new ProgressUpdate(2022, new[] { "1.1", "1.2", "2.1" }[random.Next(3)], step,
                Percent: step == ProgressStep.InProgress ? random.Next(101) : null,
                Note: step == ProgressStep.Returned ? "印证资料不全" : null,
                RequestId: $"r{n}");
            var today = ChinaTime.Today(ClusterFixture.Clock);
            var expected = local[body].Apply(update, today);
            var actual = await ProgressProbe.PostAsync(_grains, body, update);
            Assert.Equal(expected.Outcome.IsRejected, !actual.Succeeded);
            local[body] = expected.Body;

            if (n % 7 == 0)
            {
                await ProgressProbe.FlushAsync(_grains, a1);
            }
        }

        // The plan's milestones count too: the root published today, the three below received it today.
        var day = ChinaTime.Today(ClusterFixture.Clock);
        local[root] = local[root] with { Milestones = new PlanMilestones(PublishedOn: day) };
        foreach (var below in new[] { a, b, a1 })
        {
            local[below] = local[below] with { Milestones = new PlanMilestones(ParentIssuedOn: day, ReceivedOn: day) };
        }

        var recount = new long[SummaryCounts.Length];
        foreach (var progress in local.Values)
        {
            var own = ProgressFigures.ForBody(progress, day, WorkingDayCalendar.China).Counts;
            for (var i = 0; i < recount.Length; i++)
            {
                recount[i] += own.Values[i];
            }
        }

        // Milestones arrive one-way, through the relay: wait for the cluster to settle, then read once.
        var recounted = LocalizationJson.Serialize(SummaryCounts.From(recount));
        // Work of the cluster's own may start between the settle and the read (the reconciler resends the
        // recent roll-ups a few seconds after the cluster formed): settle again until the silo that answers
        // is settled too, a bounded number of times.
        GovOpenness.Abstractions.Diagnostics.SettledReport report;
        var attempt = 0;
        do
        {
            await Settled.WaitAsync(fixture.Cluster);
            report = await _grains.GetGrain<GovOpenness.Abstractions.Diagnostics.ISettledGrain>(0).GetReportAsync();
        }
        while (!report.Settled && ++attempt < 5);

        Assert.True(report.Settled, $"the silo that answered ({report.Silo}) still has work pending: "
            + string.Join("; ", report.Pending.Select(p => $"{p.Kind}={p.Count} [{string.Join(" ", p.Keys)}]")));
        var atRoot = (await ProgressProbe.CountsAsync(_grains, root)).GetRawText();

        Assert.Equal(recounted, atRoot);
    }
}
