using System.Collections.Immutable;

namespace GovOpenness.Abstractions.Live;

/// <summary>
/// Implemented by each web host (one per silo) around its SignalR hub: receives batches of pushed
/// summaries and sends them to its own connected viewers. One-way, so a slow host never holds up the
/// notifier that forwards to every host.
/// </summary>
[Alias("gov.ISummaryObserver")]
public interface ISummaryObserver : IGrainObserver
{
    [Alias("OnSummaries"), Orleans.Concurrency.OneWay]
    Task OnSummariesAsync(ImmutableArray<SummaryPush> batch);

    /// <summary>Bodies whose 待办 gained something their summary does not show (a 催办).</summary>
    [Alias("OnInbox"), Orleans.Concurrency.OneWay]
    Task OnInboxAsync(ImmutableArray<InboxPush> batch);
}
