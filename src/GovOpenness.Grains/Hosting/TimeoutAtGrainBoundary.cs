namespace GovOpenness.Grains.Hosting;

/// <summary>
/// Orleans places a new activation through a Polly pipeline whose timeout throws
/// <c>Polly.Timeout.TimeoutRejectedException</c> into the calling grain. That type has no Orleans codec:
/// when it escaped a grain method whose caller was on another silo (or an external client), the caller
/// got a <c>CodecNotFoundException</c> instead, which nothing can tell from a bug (the three-silo village
/// fan-out, BENCHMARKS.md). At the grain's boundary it becomes a <see cref="TimeoutException"/> (a type
/// the codec carries), which callers and the web host already treat as a failure a retry gets past.
/// </summary>
public sealed class TimeoutAtGrainBoundary : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context)
    {
        // Every grain call passes here: a call that completed synchronously costs no state machine.
        var call = context.Invoke();
        return call.IsCompletedSuccessfully ? call : Translated(call);
    }

    private static async Task Translated(Task call)
    {
        try
        {
            await call;
        }
        catch (Exception e) when (Translate(e) is TimeoutException timeout && !ReferenceEquals(timeout, e))
        {
            throw timeout;
        }
    }

    /// <summary>
    /// The exception to let cross the boundary: a Polly timeout, or any exception wrapping one, as a
    /// <see cref="TimeoutException"/> carrying its messages (the Polly exception itself cannot be carried);
    /// anything else unchanged.
    /// </summary>
    public static Exception Translate(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is Polly.Timeout.TimeoutRejectedException)
            {
                var where = ReferenceEquals(e, exception) ? "" : $" (in {exception.GetType().FullName}: {exception.Message})";
                return new TimeoutException($"{e.Message}{where}");
            }
        }

        return exception;
    }
}
