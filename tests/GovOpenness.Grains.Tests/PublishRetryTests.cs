using GovOpenness.Abstractions;

namespace GovOpenness.Grains.Tests;

/// <summary>
/// A publication whose writes fail part-way (the database restarting under it) is answered with an
/// error, and the caller's retry of the same plan must leave it stored and delivered: never "already
/// published" from an activation's memory while nothing was stored or sent (the fault suite's seed
/// 42068335: a publish 0.2 s before a PostgreSQL crash, 158 bodies of 吕梁市 never got the plan).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PublishRetryTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Theory]
    [InlineData("body-plans")]
    [InlineData("body-outbox")]
    public async Task A_retried_publication_after_a_failed_write_is_stored_and_delivered(string failingState)
    {
        var key = Guid.NewGuid().ToString("N")[..10];
        var (parent, child) = ($"11.r{key}", $"11.s{key}");
        await TestPlans.Register(_grains, parent, "重试测试厅", "11");
        await TestPlans.Register(_grains, child, "重试测试处", parent);
        var plan = TestPlans.ThreeItems(2022);

        StorageFaults.FailNextWrite(failingState, parent);
        await Assert.ThrowsAnyAsync<Exception>(() => _grains.GetGrain<IBodyGrain>(parent).PublishPlanAsync(plan));
        var retried = await _grains.GetGrain<IBodyGrain>(parent).PublishPlanAsync(plan);

        Assert.True(retried.Succeeded, retried.Error);
        var delivery = await _grains.GetGrain<IBodyDiagnosticsGrain>(parent).WaitForDeliveryAsync(2022);
        Assert.NotNull(delivery);
        Assert.True(delivery.Complete);
        Assert.Equal(retried.Value!.Stamp, delivery.Stamp);
        var atChild = await _grains.GetGrain<IBodyGrain>(child).GetPlanAsync(2022);
        Assert.True(atChild.Succeeded, atChild.Error);
        Assert.Equal(plan.Items.Count, atChild.Value!.Items.Count);
    }
}
