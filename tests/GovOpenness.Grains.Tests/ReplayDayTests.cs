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
    public async Task A_child_waits_for_its_parents_issue_and_a_body_for_its_own_previous_step_but_nobody_else_waits()
    {
        var day = new ReplayDay(Parents);
        var started = new List<string>();
        var issueOf1 = new TaskCompletionSource();
        var completionOf2 = new TaskCompletionSource();
        Func<Task, Task> Step(string name, Task? until = null) => async after =>
        {
            await after;
            lock (started)
            {
                started.Add(name);
            }

            await (until ?? Task.CompletedTask);
        };

        day.Add(1, issue: true, Step("issue 1", issueOf1.Task));
        day.Add(2, issue: false, Step("complete 2", completionOf2.Task));
        day.Add(3, issue: false, Step("receive 3"));
        day.Add(3, issue: true, Step("issue 3"));
        day.Add(1, issue: false, Step("complete 1"));

        // 1's issue has not reached its subtree: its child and its own next step wait, its sibling does not.
        Assert.Equal(["issue 1", "complete 2"], started);

        issueOf1.SetResult();
        var all = day.AllAsync();
        Assert.False(all.IsCompleted);
        completionOf2.SetResult();
        await all;

        Assert.True(started.IndexOf("receive 3") < started.IndexOf("issue 3"));
        Assert.Equal(5, started.Count);
    }

    [Fact]
    public async Task A_failed_step_fails_the_day_and_the_steps_after_it_never_run()
    {
        var day = new ReplayDay(Parents);
        var ran = new List<int>();
        day.Add(0, issue: true, _ => Task.FromException(new TimeoutException("投递超时")));
        day.Add(1, issue: false, async after =>
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
}
