using GovOpenness.Grains.Hosting;

namespace GovOpenness.Server.Live;

/// <summary>The host's live intervals must be positive: a zero check interval, for one, would call the registry in a busy loop.</summary>
public sealed class LiveHubOptionsValidation() : PositiveIntervalsValidation<LiveHubOptions>(LiveHubOptions.Section, "00:00:02")
{
    protected override IEnumerable<(string Setting, TimeSpan Value)> Intervals(LiveHubOptions options) =>
    [
        (nameof(LiveHubOptions.GroupSendInterval), options.GroupSendInterval),
        (nameof(LiveHubOptions.CheckInterval), options.CheckInterval),
        (nameof(LiveHubOptions.RenewInterval), options.RenewInterval),
    ];
}
