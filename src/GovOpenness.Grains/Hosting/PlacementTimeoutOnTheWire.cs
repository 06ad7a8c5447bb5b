using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace GovOpenness.Grains.Hosting;

/// <summary>
/// Orleans places a new activation through a Polly pipeline whose timeout throws
/// <c>Polly.Timeout.TimeoutRejectedException</c> into the calling grain. Orleans' exception codec carries
/// only exceptions of the namespaces it is told to trust, and Polly's is not one of them: when the
/// timeout escaped a grain method whose caller was on another silo (or an external client), the caller
/// got a <c>CodecNotFoundException</c>, which nothing can tell from a bug (the three-silo village fan-out,
/// BENCHMARKS.md). Trusting Polly's namespace lets the timeout arrive as itself, a failure callers and the
/// web host already treat as one a retry gets past.
/// </summary>
/// <remarks>
/// A configuration of the codec, not a grain call filter that translates at every grain's boundary: a
/// filter runs on every grain call, and one cost the progress benchmark about a tenth of its CPU per step
/// (145–160 µs without it, 164–190 µs with it, alternating runs on one machine).
/// </remarks>
public static class PlacementTimeoutOnTheWire
{
    /// <summary>Lets Orleans' codec carry Polly's exceptions (the serializer's services of a silo or a client).</summary>
    public static IServiceCollection AllowPollyExceptions(this IServiceCollection services) =>
        services.Configure<ExceptionSerializationOptions>(options =>
        {
            if (!options.SupportedNamespacePrefixes.Contains("Polly"))
            {
                options.SupportedNamespacePrefixes.Add("Polly");
            }
        });
}
