using GovOpenness.Abstractions.Plans;
using GovOpenness.Grains.Delivery;
using GovOpenness.Grains.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace GovOpenness.Grains.Tests;

/// <summary>
/// Two versions to one child in order: Orleans does not keep two calls in order, so a newer version is sent
/// to a child only once the older version's call to it has returned (else the child may take the older one last).
/// </summary>
public sealed class ChildDeliveriesOrderTests
{
    [Fact]
    public async Task A_newer_version_goes_to_a_child_only_after_the_older_versions_call_to_it_returned()
    {
        var calls = new List<string>();
        var olderCall = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<bool> Deliver(string child, PlanDelivery delivery, bool hasState)
        {
            lock (calls)
            {
                calls.Add($"{child}:{delivery.Plan.Stamp}");
            }

            return delivery.Plan.Stamp == "older" ? olderCall.Task : Task.FromResult(true);
        }

        var deliveries = new ChildDeliveries(
            "11.p", new CascadeOptions(), new SettleTracker(), NullLogger.Instance, (_, _) => new NoTimer(), Deliver,
            () => [], (_, _) => false, _ => Task.CompletedTask, _ => Task.CompletedTask, _ => Task.CompletedTask);

        deliveries.Start(new DeliveryRun(Delivery("older"), ["11.c"], parentStamp: "parent"));
        deliveries.Start(new DeliveryRun(Delivery("newer"), ["11.c"], parentStamp: "parent"));
        Assert.True(deliveries.TryGet(2022, out var newer));
        Assert.Equal(["11.c:older"], calls);

        olderCall.SetResult(true);
        var done = await newer.Done.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(done.Complete);
        Assert.Equal(["11.c:older", "11.c:newer"], calls);
    }

    private static PlanDelivery Delivery(string stamp) =>
        new(2022, new EffectivePlan("11.p", 2022, stamp, "11.p", null, null, [], [], []), null);

    private sealed class NoTimer : IGrainTimer
    {
        public void Change(TimeSpan dueTime, TimeSpan period)
        {
        }

        public void Dispose()
        {
        }
    }
}
