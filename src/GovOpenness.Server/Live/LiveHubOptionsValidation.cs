using GovOpenness.Grains.Hosting;
using Microsoft.Extensions.Options;

namespace GovOpenness.Server.Live;

/// <summary>
/// Refuses, at start, a host interval that is zero or negative, naming the setting: a zero check interval
/// would turn the host's registration loop into a busy loop against the live registry.
/// </summary>
public sealed class LiveHubOptionsValidation : IValidateOptions<LiveHubOptions>
{
    public ValidateOptionsResult Validate(string? name, LiveHubOptions options)
    {
        var wrong = PositiveIntervals.Problems(LiveHubOptions.Section, "00:00:02",
            (nameof(LiveHubOptions.GroupSendInterval), options.GroupSendInterval),
            (nameof(LiveHubOptions.CheckInterval), options.CheckInterval),
            (nameof(LiveHubOptions.RenewInterval), options.RenewInterval));
        return wrong.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(wrong);
    }
}
