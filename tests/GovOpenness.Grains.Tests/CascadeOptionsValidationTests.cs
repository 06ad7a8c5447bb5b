using GovOpenness.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GovOpenness.Grains.Tests;

/// <summary>A cascade interval that is zero or negative is refused, naming the setting; the defaults pass.</summary>
public sealed class CascadeOptionsValidationTests
{
    [Fact]
    public void The_defaults_pass()
    {
        Assert.True(new CascadeOptionsValidation().Validate(null, new CascadeOptions()).Succeeded);
    }

    [Fact]
    public void A_zero_or_negative_interval_is_refused_naming_the_setting_as_the_silo_reads_it()
    {
        using var services = new ServiceCollection()
            .AddSingleton<IValidateOptions<CascadeOptions>, CascadeOptionsValidation>()
            .Configure<CascadeOptions>(o => (o.ProgressFlushInterval, o.RetryInterval) = (TimeSpan.Zero, TimeSpan.FromSeconds(-1)))
            .BuildServiceProvider();

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<CascadeOptions>>().Value);

        Assert.Contains("GovOpenness:Cascade:ProgressFlushInterval 须为正的时间间隔", refused.Message);
        Assert.Contains("GovOpenness:Cascade:RetryInterval", refused.Message);
        Assert.DoesNotContain("AcknowledgementFlushInterval", refused.Message);
    }

    [Fact]
    public void A_progress_flush_interval_whose_quarter_would_be_zero_is_refused()
    {
        var refused = new CascadeOptionsValidation().Validate(null, new CascadeOptions { ProgressFlushInterval = TimeSpan.FromTicks(2) });
        Assert.True(refused.Failed);
        Assert.Contains("GovOpenness:Cascade:ProgressFlushInterval 过短", refused.FailureMessage);

        Assert.True(new CascadeOptionsValidation().Validate(null, new CascadeOptions { ProgressFlushInterval = TimeSpan.FromTicks(3) }).Succeeded);
    }
}
