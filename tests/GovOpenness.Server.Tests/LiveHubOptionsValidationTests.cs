using GovOpenness.Server.Live;
using Microsoft.Extensions.Options;

namespace GovOpenness.Server.Tests;

/// <summary>A host's live interval that is zero or negative is refused, naming the setting; the defaults pass.</summary>
public sealed class LiveHubOptionsValidationTests
{
    [Fact]
    public void The_defaults_pass()
    {
        Assert.True(new LiveHubOptionsValidation().Validate(null, new LiveHubOptions()).Succeeded);
    }

    [Fact]
    public void A_zero_check_interval_is_refused_naming_the_setting_as_configuration_spells_it()
    {
        var refused = new LiveHubOptionsValidation().Validate(null, new LiveHubOptions { CheckInterval = TimeSpan.Zero });

        Assert.True(refused.Failed);
        Assert.Contains("GovOpenness:Live:CheckInterval 须为正的时间间隔", refused.FailureMessage);
        Assert.DoesNotContain("RenewInterval", refused.FailureMessage);
    }
}
