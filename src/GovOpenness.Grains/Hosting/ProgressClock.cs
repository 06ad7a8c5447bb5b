namespace GovOpenness.Grains.Hosting;

/// <summary>
/// The clock progress rules read "today" from. A wrapper rather than the container's TimeProvider
/// because Orleans runs its own timers and timeouts on that one: tests freeze this clock (a
/// FakeTimeProvider) without freezing the silo.
/// </summary>
public sealed record ProgressClock(TimeProvider Time);
