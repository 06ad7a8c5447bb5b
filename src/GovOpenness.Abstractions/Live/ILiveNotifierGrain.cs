namespace GovOpenness.Abstractions.Live;

/// <summary>
/// Where progress grains drop changed summaries. A stateless worker (always local to the caller, as
/// many activations as needed), so no single grain carries every push: each activation coalesces
/// the latest summary per body and forwards one batch per interval to every registered host.
/// </summary>
[Alias("gov.ILiveNotifierGrain")]
public interface ILiveNotifierGrain : IGrainWithIntegerKey
{
    /// <summary>Queues a summary for the next batch; one-way, so the progress grain never waits.</summary>
    [Alias("Publish"), Orleans.Concurrency.OneWay]
    Task PublishAsync(SummaryPush push);

    /// <summary>Queues an inbox notice (a 催办 received) for the next batch; one-way too.</summary>
    [Alias("PublishInbox"), Orleans.Concurrency.OneWay]
    Task PublishInboxAsync(InboxPush push);
}
