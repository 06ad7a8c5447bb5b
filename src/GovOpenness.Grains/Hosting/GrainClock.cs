using Microsoft.Extensions.DependencyInjection;

namespace GovOpenness.Grains.Hosting;

/// <summary>
/// The clock grain timers run on: Orleans' grain-facing <see cref="TimeProvider"/> (keyed
/// <see cref="TimeProviderNames.Grains"/>, the container's default unless a silo overrides it). Grains read
/// their throttles, flush intervals and epochs from this same clock, so a test that installs a
/// FakeTimeProvider under that key drives both the timers and what the grains measure with one
/// <c>Advance</c>, while membership and messaging keep real time.
/// </summary>
internal static class GrainClock
{
    public static TimeProvider Of(IServiceProvider services) =>
        services.GetKeyedService<TimeProvider>(TimeProviderNames.Grains) ?? services.GetService<TimeProvider>() ?? TimeProvider.System;
}
