using GovOpenness.Abstractions.Plans;

namespace GovOpenness.Grains.Delivery;

/// <summary>
/// One body's delivery of one version to its children, in memory. A child leaves
/// <see cref="Pending"/> once its whole subtree has the version; the body then acknowledges upward
/// (or, as the publisher, marks its outbox complete).
/// </summary>
internal sealed class DeliveryRun(PlanDelivery delivery, IEnumerable<string> pending, string? parentStamp)
{
    public PlanDelivery Delivery { get; } = delivery;

    public int Year => Delivery.Year;

    public string Stamp => Delivery.Plan.Stamp;

    public HashSet<string> Pending { get; } = [.. pending];

    /// <summary>The parent's stamp to acknowledge; null when this body is the publisher.</summary>
    public string? ParentStamp { get; } = parentStamp;

    public bool IsPublisher => ParentStamp is null;

    /// <summary>Acknowledgements not yet flushed to the outbox.</summary>
    public bool AcknowledgementsDirty { get; set; }

    public bool Dispatching { get; set; }

    /// <summary>This run's dispatch in flight (completed when none is).</summary>
    public Task Dispatched { get; set; } = Task.CompletedTask;

    /// <summary>The dispatch of the run this one replaced, if it was in flight: this one's first sends wait for it.</summary>
    public Task AfterReplaced { get; set; } = Task.CompletedTask;

    public TaskCompletionSource<DeliveryStatus> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DeliveryStatus Status() => new(Year, Stamp, Pending.Count == 0, [.. Pending.Order(StringComparer.Ordinal)]);
}
