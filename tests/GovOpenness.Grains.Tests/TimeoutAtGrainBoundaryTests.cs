using GovOpenness.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Polly.Timeout;

namespace GovOpenness.Grains.Tests;

/// <summary>
/// Orleans' placement timeout (Polly's TimeoutRejectedException) cannot cross silos as it is; what the
/// grain boundary lets out instead crosses Orleans' own serializer as a TimeoutException.
/// </summary>
public sealed class TimeoutAtGrainBoundaryTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddSerializer().BuildServiceProvider();

    private Serializer Wire => _services.GetRequiredService<Serializer>();

    public void Dispose() => _services.Dispose();

    [Fact]
    public void Polly_timeout_has_no_codec_so_it_cannot_leave_a_grain_as_it_is()
    {
        // Why the boundary exists: this is what a caller on another silo saw before.
        Assert.ThrowsAny<CodecNotFoundException>(() => Wire.SerializeToArray<Exception>(new TimeoutRejectedException("placement timed out")));
    }

    [Fact]
    public void A_polly_timeout_crosses_the_wire_as_a_timeout_with_its_message()
    {
        var sent = TimeoutAtGrainBoundary.Translate(new TimeoutRejectedException("The operation didn't complete within the allowed timeout of '00:00:30'."));

        var received = Wire.Deserialize<Exception>(Wire.SerializeToArray(sent));

        var timeout = Assert.IsType<TimeoutException>(received);
        Assert.Contains("00:00:30", timeout.Message);
    }

    [Fact]
    public void A_polly_timeout_wrapped_by_the_grain_is_found_and_the_wrapper_named()
    {
        var wrapped = new InvalidOperationException("deliver to 141181", new TimeoutRejectedException("placement timed out"));

        var received = Wire.Deserialize<Exception>(Wire.SerializeToArray(TimeoutAtGrainBoundary.Translate(wrapped)));

        var timeout = Assert.IsType<TimeoutException>(received);
        Assert.Contains("placement timed out", timeout.Message);
        Assert.Contains("deliver to 141181", timeout.Message);
    }

    [Fact]
    public void Other_exceptions_leave_unchanged()
    {
        var other = new InvalidOperationException("a bug", new TimeoutException("not Polly's"));

        Assert.Same(other, TimeoutAtGrainBoundary.Translate(other));
    }
}
