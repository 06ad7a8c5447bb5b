using GovOpenness.Domain.Simulation.Replay;

namespace GovOpenness.Grains.Hosting;

/// <summary>
/// The steps of one replayed day as a graph instead of a row of barriers. Every step of a body whose
/// parent issued earlier that day waits until that issue reached the parent's whole subtree (children act
/// only on the plan of that day). A body's own steps keep their order, except that its issue does not wait
/// for its own 签收 of that day: both need only the parent's plan, and they touch different records (the
/// plan; the receipt's items), so the body's subtree need not wait for the receipt. Its 反馈 waits for both.
/// Nothing else orders bodies within a day. Steps must be added in the schedule's order.
/// </summary>
/// <param name="parents">Each body's parent ordinal (-1: the root), as in the run's hierarchy.</param>
internal sealed class ReplayDay(IReadOnlyList<int> parents)
{
    private readonly Dictionary<int, List<(ReplayStepKind Kind, Task Step)>> _ofBody = [];
    private readonly Dictionary<int, Task> _issued = [];
    private readonly List<Task> _all = [];

    /// <summary>
    /// Starts a step: <paramref name="start"/> gets the task it must await first and returns the step's task,
    /// which for an issue must complete only once the plan reached the body's subtree.
    /// </summary>
    public void Add(int body, ReplayStepKind kind, Func<Task, Task> start)
    {
        var before = new List<Task>(3);
        if (parents[body] is >= 0 and var parent && _issued.TryGetValue(parent, out var parentIssue))
        {
            before.Add(parentIssue);
        }

        if (!_ofBody.TryGetValue(body, out var earlier))
        {
            _ofBody[body] = earlier = [];
        }

        before.AddRange(earlier.Where(e => kind != ReplayStepKind.Issue || e.Kind != ReplayStepKind.Receive).Select(e => e.Step));
        var task = start(before.Count switch
        {
            0 => Task.CompletedTask,
            1 => before[0],
            _ => Task.WhenAll(before),
        });
        earlier.Add((kind, task));
        if (kind == ReplayStepKind.Issue)
        {
            _issued[body] = task;
        }

        _all.Add(task);
    }

    /// <summary>Completes when every step has; faults with the first failure (a step after a failed one never runs).</summary>
    public Task AllAsync() => Task.WhenAll(_all);
}
