using GovOpenness.Grains.State;

namespace GovOpenness.Grains.Tests;

/// <summary>A lazy read that failed once (a database blip) must be tried again, not replayed forever.</summary>
public sealed class OnceUnlessFailedTests
{
    [Fact]
    public async Task A_failed_attempt_is_tried_again_on_the_next_call()
    {
        var calls = 0;
        var once = new OnceUnlessFailed(() => ++calls == 1 ? Task.FromException(new IOException("数据库连接中断")) : Task.CompletedTask);

        await Assert.ThrowsAsync<IOException>(once.RunAsync);
        await once.RunAsync();

        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task A_successful_attempt_and_one_in_flight_are_shared()
    {
        var calls = 0;
        var gate = new TaskCompletionSource();
        var once = new OnceUnlessFailed(() =>
        {
            calls++;
            return gate.Task;
        });

        var first = once.RunAsync();
        var second = once.RunAsync();
        Assert.Same(first, second);
        gate.SetResult();
        await Task.WhenAll(first, second);
        await once.RunAsync();

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Work_marked_done_never_runs()
    {
        var once = new OnceUnlessFailed(() => throw new InvalidOperationException("不应读取"));
        once.MarkDone();

        await once.RunAsync();
    }
}
