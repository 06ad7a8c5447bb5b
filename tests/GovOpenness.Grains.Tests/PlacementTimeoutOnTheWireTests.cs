using GovOpenness.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Polly.Timeout;

namespace GovOpenness.Grains.Tests;

/// <summary>
/// Orleans' placement timeout (Polly's TimeoutRejectedException) crosses Orleans' own serializer, as
/// between silos, as itself once the codec trusts Polly's namespace; without that it cannot cross.
/// </summary>
public sealed class PlacementTimeoutOnTheWireTests : IDisposable
{
    private readonly ServiceProvider _plain = new ServiceCollection().AddSerializer().BuildServiceProvider();
    private readonly ServiceProvider _silo = new ServiceCollection().AddSerializer().AllowPollyExceptions().BuildServiceProvider();

    public void Dispose()
    {
        _plain.Dispose();
        _silo.Dispose();
    }

    [Fact]
    public void Without_the_setting_a_polly_timeout_cannot_leave_a_grain()
    {
        // Why the setting exists: this is what a caller on another silo saw before.
        var wire = _plain.GetRequiredService<Serializer>();

        Assert.ThrowsAny<CodecNotFoundException>(() => wire.SerializeToArray<Exception>(new TimeoutRejectedException("placement timed out")));
    }

    [Fact]
    public void A_polly_timeout_crosses_the_wire_as_itself_with_its_message()
    {
        var wire = _silo.GetRequiredService<Serializer>();

        var received = wire.Deserialize<Exception>(wire.SerializeToArray<Exception>(new TimeoutRejectedException("The operation didn't complete within the allowed timeout of '00:00:30'.")));

        Assert.Contains("00:00:30", Assert.IsType<TimeoutRejectedException>(received).Message);
    }

    [Fact]
    public void A_polly_timeout_wrapped_by_a_grain_crosses_inside_its_wrapper()
    {
        var wire = _silo.GetRequiredService<Serializer>();

        var received = wire.Deserialize<Exception>(wire.SerializeToArray<Exception>(new InvalidOperationException("deliver to 141181", new TimeoutRejectedException("placement timed out"))));

        Assert.Equal("deliver to 141181", Assert.IsType<InvalidOperationException>(received).Message);
        Assert.Equal("placement timed out", Assert.IsType<TimeoutRejectedException>(received.InnerException).Message);
    }
}
