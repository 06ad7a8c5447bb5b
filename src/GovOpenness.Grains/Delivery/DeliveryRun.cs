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

    public TaskCompletionSource<DeliveryStatus> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DeliveryStatus Status() => new(Year, Stamp, Pending.Count == 0, [.. Pending.Order(StringComparer.Ordinal)]);
}
