using GovOpenness.Abstractions;

namespace GovOpenness.Grains.Tests;

/// <summary>
/// Issue 16 (replay on 吕梁): once an issue's plan is stored, its other writes do not depend on one another
/// (the outbox, the version log, the milestones), so they go at once instead of one after another; the
/// issue is answered only when every one of them is stored, and its delivery is as before.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class IssueWritesTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task The_outbox_and_the_version_log_are_written_at_once_and_the_publication_is_answered_only_once_both_are_stored()
    {
        var key = Guid.NewGuid().ToString("N")[..10];
        var (parent, child) = ($"11.w{key}", $"11.x{key}");
        await TestPlans.Register(_grains, parent, "并行写入测试厅", "11");
        await TestPlans.Register(_grains, child, "并行写入测试处", parent);
        var plan = TestPlans.ThreeItems(2022);
        var outbox = StorageFaults.HoldNextWrite("body-outbox", parent);
        var versions = StorageFaults.HoldNextWrite("body-plan-history", parent);

        var publishing = _grains.GetGrain<IBodyGrain>(parent).PublishPlanAsync(plan);

        // Both asked for while neither is stored (before: the version log only after the outbox was stored).
        // The bound only ends a failing run; a passing one goes on at the signals.
        await Task.WhenAll(outbox.Started, versions.Started).WaitAsync(TimeSpan.FromSeconds(30));
        versions.Release();
        Assert.False(publishing.IsCompleted);

        outbox.Release();
        var published = await publishing;
        Assert.True(published.Succeeded, published.Error);
        var delivery = await _grains.GetGrain<IBodyDiagnosticsGrain>(parent).WaitForDeliveryAsync(2022);
        Assert.True(delivery!.Complete);
        Assert.Equal(published.Value!.Stamp, delivery.Stamp);
        var atChild = await _grains.GetGrain<IBodyGrain>(child).GetPlanAsync(2022);
        Assert.True(atChild.Succeeded, atChild.Error);
        Assert.Equal(plan.Items.Count, atChild.Value!.Items.Count);
        var asOfNow = await _grains.GetGrain<IBodyGrain>(parent).GetPlanAsOfAsync(2022, DateTimeOffset.UtcNow.AddDays(1));
        Assert.Equal(published.Value.Stamp, asOfNow.Value?.Stamp);
    }
}
