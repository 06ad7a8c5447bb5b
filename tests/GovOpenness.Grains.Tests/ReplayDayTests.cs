using GovOpenness.Domain.Simulation.Replay;
using GovOpenness.Grains.Hosting;

namespace GovOpenness.Grains.Tests;

/// <summary>
/// The order the replay keeps inside a day (<see cref="ReplayDay"/>): a body's steps one after another, a
/// child's only after its parent's issue of that day reached the subtree, nothing else; and the gate that
/// bounds the calls lets cascade steps go first (<see cref="PriorityGate"/>).
/// </summary>
public sealed class ReplayDayTests
{
    // 0 is the root; 1 and 2 its children; 3 a child of 1.
    private static readonly int[] Parents = [-1, 0, 0, 1];

    [Fact]
    public async Task A_child_waits_for_its_parents_issue_a_report_for_the_bodys_earlier_steps_an_issue_not_for_its_own_receipt_and_nobody_else_waits()
    {
        var day = new ReplayDay(Parents);
        var started = new List<string>();
        var issueOf1 = new TaskCompletionSource();
        var completionOf2 = new TaskCompletionSource();
        var receiptOf3 = new TaskCompletionSource();
        var signals = new Dictionary<string, TaskCompletionSource>();
        Task Started(string name)
        {
            lock (signals)
            {
                return (signals.TryGetValue(name, out var signal) ? signal : signals[name] = new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            }
        }

        Func<Task, Task> Step(string name, Task? until = null) => async after =>
        {
            await after;
            lock (started)
            {
                started.Add(name);
            }

            _ = Started(name);
            lock (signals)
            {
                signals[name].TrySetResult();
            }

            await (until ?? Task.CompletedTask);
        };

        day.Add(1, ReplayStepKind.Issue, Step("issue 1", issueOf1.Task));
        day.Add(2, ReplayStepKind.Complete, Step("complete 2", completionOf2.Task));
        day.Add(3, ReplayStepKind.Receive, Step("receive 3", receiptOf3.Task));
        day.Add(3, ReplayStepKind.Issue, Step("issue 3"));
        day.Add(3, ReplayStepKind.Complete, Step("complete 3"));
        day.Add(1, ReplayStepKind.Complete, Step("complete 1"));

        // 1's issue has not reached its subtree: its child and its own next step wait, its sibling does not.
        Assert.Equal(["issue 1", "complete 2"], started);

        // Once it has: 3 receives and issues; its report waits for its receipt.
        issueOf1.SetResult();
        await Task.WhenAll(Started("receive 3"), Started("issue 3"), Started("complete 1"));
        lock (started)
        {
            Assert.Contains("issue 3", started);
            Assert.Contains("complete 1", started);
            Assert.DoesNotContain("complete 3", started);
        }

        receiptOf3.SetResult();
        completionOf2.SetResult();
        await day.AllAsync();

        Assert.Equal("complete 3", started.Where(s => s.EndsWith('3')).Last());
        Assert.Equal(6, started.Count);
    }

    [Fact]
    public async Task A_failed_step_fails_the_day_and_the_steps_after_it_never_run()
    {
        var day = new ReplayDay(Parents);
        var ran = new List<int>();
        day.Add(0, ReplayStepKind.Issue, _ => Task.FromException(new TimeoutException("投递超时")));
        day.Add(1, ReplayStepKind.Receive, async after =>
        {
            await after;
            ran.Add(1);
        });

        var failure = await Assert.ThrowsAsync<TimeoutException>(day.AllAsync);

        Assert.Equal("投递超时", failure.Message);
        Assert.Empty(ran);
    }

    [Fact]
    public async Task The_gate_holds_at_most_its_capacity_and_gives_a_freed_place_to_a_cascade_step_first()
    {
        var gate = new PriorityGate(1);
        await gate.EnterAsync(urgent: false, CancellationToken.None);
        var completion = gate.EnterAsync(urgent: false, CancellationToken.None);
        var cascade = gate.EnterAsync(urgent: true, CancellationToken.None);
        Assert.False(completion.IsCompleted);
        Assert.False(cascade.IsCompleted);

        gate.Leave();
        await cascade;
        Assert.False(completion.IsCompleted);

        gate.Leave();
        await completion;
    }

    [Fact]
    public void The_timings_keep_the_first_day_apart_and_name_the_slowest_later_day()
    {
        var timings = new ReplayTimings();
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        var hourAgo = now - System.Diagnostics.Stopwatch.Frequency * 3600;
        var minuteAgo = now - System.Diagnostics.Stopwatch.Frequency * 60;

        timings.AddDay(hourAgo, new DateOnly(2022, 5, 20), completionsOnly: false);
        timings.AddDay(now, new DateOnly(2022, 6, 13), completionsOnly: true);
        timings.AddDay(minuteAgo, new DateOnly(2022, 6, 21), completionsOnly: false);

        Assert.True(timings.FirstDay >= TimeSpan.FromHours(1));
        Assert.Equal(new DateOnly(2022, 6, 21), timings.SlowestLaterDay.Date);
        Assert.InRange(timings.SlowestLaterDay.Time, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));
        Assert.Equal(3, timings.Days.Days);
        Assert.Equal(1, timings.CompletionDays.Days);
    }
}
