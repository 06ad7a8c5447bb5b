namespace GovOpenness.Server.Live;

/// <summary>What the hub sends to a viewer: batches of changed summaries (client method "summaries").</summary>
public interface ICascadeClient
{
    Task Summaries(IReadOnlyList<LiveSummaryMessage> batch);
}
