namespace GovOpenness.Grains.Hosting;

/// <summary>
/// The steps of one replayed day as a graph instead of a row of barriers: a step waits for the body's
/// previous step that day (签收 before its own issue, both before that day's 反馈) and, when the body's
/// parent issued earlier that day, for that issue to have reached the parent's whole subtree. Nothing else
/// orders bodies within a day, so independent steps overlap. Steps must be added in the schedule's order.
/// </summary>
/// <param name="parents">Each body's parent ordinal (-1: the root), as in the run's hierarchy.</param>
internal sealed class ReplayDay(IReadOnlyList<int> parents)
{
    private readonly Dictionary<int, Task> _lastOfBody = [];
    private readonly Dictionary<int, Task> _issued = [];
    private readonly List<Task> _all = [];

    /// <summary>
    /// Starts a step: <paramref name="start"/> gets the task it must await first and returns the step's task,
    /// which for an issue must complete only once the plan reached the body's subtree.
    /// </summary>
    public void Add(int body, bool issue, Func<Task, Task> start)
    {
        var before = new List<Task>(2);
        if (_lastOfBody.TryGetValue(body, out var previous))
        {
            before.Add(previous);
        }

        if (parents[body] is >= 0 and var parent && _issued.TryGetValue(parent, out var parentIssue))
        {
            before.Add(parentIssue);
        }

        var task = start(before.Count switch
        {
            0 => Task.CompletedTask,
            1 => before[0],
            _ => Task.WhenAll(before),
        });
        _lastOfBody[body] = task;
        if (issue)
        {
            _issued[body] = task;
        }

        _all.Add(task);
    }

    /// <summary>Completes when every step has; faults with the first failure (a step after a failed one never runs).</summary>
    public Task AllAsync() => Task.WhenAll(_all);
}
