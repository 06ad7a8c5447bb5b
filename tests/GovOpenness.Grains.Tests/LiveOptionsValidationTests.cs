using GovOpenness.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GovOpenness.Grains.Tests;

/// <summary>A live interval that is zero or negative is refused, naming the setting; the defaults pass.</summary>
public sealed class LiveOptionsValidationTests
{
    [Fact]
    public void The_defaults_pass()
    {
        Assert.True(new LiveOptionsValidation().Validate(null, new LiveOptions()).Succeeded);
    }

    [Fact]
    public void A_zero_or_negative_interval_is_refused_naming_the_setting_as_the_silo_reads_it()
    {
        using var services = new ServiceCollection()
            .AddSingleton<IValidateOptions<LiveOptions>, LiveOptionsValidation>()
            .Configure<LiveOptions>(o => (o.InterestRefreshInterval, o.PushInterval) = (TimeSpan.Zero, TimeSpan.FromSeconds(-1)))
            .BuildServiceProvider();

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<LiveOptions>>().Value);

        Assert.Contains("GovOpenness:Live:InterestRefreshInterval 须为正的时间间隔", refused.Message);
        Assert.Contains("GovOpenness:Live:PushInterval", refused.Message);
        Assert.DoesNotContain("BatchInterval", refused.Message);
    }
}
