namespace GovOpenness.Abstractions.Live;

/// <summary>
/// Each silo's copy of what viewers watch and which hosts listen (so a progress grain pushes only
/// summaries somebody watches, and notifiers know where to send them without asking the registry),
/// registered with the live registry. Not one-way: a viewer's subscription, and a host's registration,
/// complete only once every silo has learned of them, so no change after that is lost.
/// </summary>
[Alias("gov.ILiveInterestObserver")]
public interface ILiveInterestObserver : IGrainObserver
{
    /// <summary>Keys newly watched, or hosts newly listening, somewhere in the cluster.</summary>
    [Alias("OnAdded")]
    Task OnAddedAsync(LiveInterestSnapshot added);
}
