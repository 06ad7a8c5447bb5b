namespace GovOpenness.Abstractions.Live;

/// <summary>
/// Each silo's copy of what viewers watch (so a progress grain pushes only summaries somebody watches),
/// registered with the live registry. Not one-way: a viewer's subscription completes only once every
/// silo has learned of its body, so no change after its first read is lost.
/// </summary>
[Alias("gov.ILiveInterestObserver")]
public interface ILiveInterestObserver : IGrainObserver
{
    /// <summary>Keys newly watched somewhere in the cluster.</summary>
    [Alias("OnWatched")]
    Task OnWatchedAsync(LiveInterestSnapshot added);
}
