using System.Diagnostics;
using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Plans;
using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Plans;
using GovOpenness.Domain.Progress;
using GovOpenness.Domain.Simulation.Replay;
using Microsoft.Extensions.Logging;

namespace GovOpenness.Grains.Hosting;

/// <summary>
/// The live engine: walks a <see cref="ReplaySchedule"/> in virtual-time order and, when the virtual
/// clock reaches each day, makes the real grain calls: the root publishes the plan, every other body
/// localizes its parent's with the deadline policy the fast engine ran for it (the grains run the same
/// per-date rule; no dates are precomputed here), receipts acknowledge (签收)
/// and completions report (反馈) items on the progress grains. Outside the grains: it only calls them.
/// Calls run a bounded number at a time, so hundreds of bodies issuing on one day do not flood the silo;
/// a body's steps wait until its parent's plan has reached the parent's whole subtree (durable delivery), so
/// every localization is made against the parent's plan of that day; within a day nothing else orders the
/// steps (<see cref="ReplayDay"/>), and a body's 签收 or day's 反馈 is one durable progress write
/// (<see cref="IProgressGrain.RecordProgressBatchAsync"/>). After each day it records how far it has gone
/// (<paramref name="checkpoints"/>, in batches), and a driver whose checkpoint file holds a checkpoint goes on
/// from the next batch.
/// </summary>
public sealed class ReplayDriver(
    IGrainFactory grains, ReplaySchedule schedule, VirtualClock clock, string file, int maxConcurrentCalls, ILogger logger,
    ReplayCheckpointFile? checkpoints = null, ReplayTimings? timings = null)
{
    private int _eventsDone;
    private int _bodiesIssued;
    private int _failures;
    private string? _lastError;
    private string _state = "running";
    private readonly TaskCompletionSource<ReplayStatus> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the final status once the replay has finished, failed or stopped (tests wait on it).</summary>
    public Task<ReplayStatus> Ended => _ended.Task;

    public ReplayStatus Status
    {
        get
        {
            var now = clock.GetUtcNow();
            return new ReplayStatus(schedule.Run.Scenario.Name, file, _state, now, ChinaTime.Today(clock), clock.Speed,
                schedule.Run.Scenario.Start, schedule.Batches.Count == 0 ? schedule.Run.Scenario.Start : schedule.Batches[^1].Date,
                Volatile.Read(ref _eventsDone), schedule.EventCount, Volatile.Read(ref _bodiesIssued), schedule.Run.Hierarchy.Count,
                Volatile.Read(ref _failures), _lastError);
        }
    }

    private readonly List<(int Count, TaskCompletionSource Reached)> _batchWaiters = [];
    private int _batchesDone;

    /// <summary>Completes once this many batches are done (counting those done before a restart); tests wait on it.</summary>
    public Task BatchesDoneAsync(int count)
    {
        lock (_batchWaiters)
        {
            if (_batchesDone >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _batchWaiters.Add((count, reached));
            return reached.Task;
        }
    }

    /// <summary>The batches already done when this driver started (a resumed replay), 0 for a fresh one.</summary>
    public int ResumedAfter { get; } = Math.Min(checkpoints?.Found.Checkpoint?.BatchesDone ?? 0, schedule.Batches.Count);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            var done = schedule.Batches.Take(ResumedAfter).ToList();
            _eventsDone = done.Sum(b => b.EventCount);
            _bodiesIssued = done.Where(b => b.Kind == ReplayStepKind.Issue).Sum(b => b.Steps.Count);
            BatchDone(ResumedAfter);
            if (checkpoints?.Found.IgnoredBecause is { } why)
            {
                logger.LogWarning("模拟回放从头开始，未使用检查点：{Reason}", why);
            }

            if (ResumedAfter > 0)
            {
                logger.LogInformation("模拟回放从第{Batch}批（{Date}）之后继续", ResumedAfter, done[^1].Date);
            }

            // One virtual day at a time (the grains read the day from the clock); inside a day every step
            // waits only for what it depends on (ReplayDay), not for whole batches.
            for (var next = ResumedAfter; next < schedule.Batches.Count;)
            {
                var date = schedule.Batches[next].Date;
                var end = next;
                while (end < schedule.Batches.Count && schedule.Batches[end].Date == date)
                {
                    end++;
                }

                var instant = VirtualClock.InstantOf(date);
                clock.RunUntil(instant);
                await clock.WaitUntilAsync(instant, cancellationToken);
                await RunDayAsync(next, end, cancellationToken);
                checkpoints?.Save(end, date);

                BatchDone(end);
                next = end;
            }

            _state = "finished";
            logger.LogInformation("模拟回放完成：{Scenario}，{Events}个事件，{Failures}次调用失败", schedule.Run.Scenario.Name, schedule.EventCount, _failures);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _state = "stopped";
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            _state = "failed";
            _lastError = $"回放中断：{e.Message}";
            logger.LogError(e, "模拟回放中断");
        }
        finally
        {
            // After the last event virtual time runs on, so lights keep turning as deadlines pass.
            clock.RunUntil(VirtualClock.Farthest);
            _ended.TrySetResult(Status);
        }
    }

    private void BatchDone(int count)
    {
        lock (_batchWaiters)
        {
            _batchesDone = count;
            foreach (var waiter in _batchWaiters.Where(w => w.Count <= count).ToList())
            {
                waiter.Reached.TrySetResult();
                _batchWaiters.Remove(waiter);
            }
        }
    }

    /// <summary>
    /// The batches [<paramref name="from"/>, <paramref name="to"/>) of one day. Each step starts once the
    /// body's previous steps of the day are done (an issue need not wait for the body's own 签收) and, when its
    /// parent issued earlier that day, once the parent's plan reached the parent's whole subtree
    /// (<see cref="ReplayDay"/>); so every localization is still made
    /// against the parent's plan of that day, but a county need not wait for the slowest prefecture, nor a
    /// completion for the day's cascade elsewhere. At most <c>maxConcurrentCalls</c> steps call at once, the
    /// cascade's steps first (a completion never depends on another body).
    /// </summary>
    private async Task RunDayAsync(int from, int to, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var gate = new PriorityGate(maxConcurrentCalls);
        var day = new ReplayDay(schedule.Run.Hierarchy.Parents);
        for (var b = from; b < to; b++)
        {
            var batch = schedule.Batches[b];
            foreach (var step in batch.Steps)
            {
                day.Add(step.Body, batch.Kind, after => RunStepAsync(batch, step, after, gate, cancellationToken));
            }
        }

        await day.AllAsync();
        timings?.AddDay(started, schedule.Batches[from].Date, Enumerable.Range(from, to - from).All(b => schedule.Batches[b].Kind == ReplayStepKind.Complete));
    }

    private async Task RunStepAsync(ReplayBatch batch, ReplayStep step, Task after, PriorityGate gate, CancellationToken cancellationToken)
    {
        await after;
        var cascade = batch.Kind != ReplayStepKind.Complete;
        var started = Stopwatch.GetTimestamp();
        await gate.EnterAsync(cascade, cancellationToken);
        timings?.AddGateWait(started);
        started = Stopwatch.GetTimestamp();
        int events;
        try
        {
            events = batch.Kind switch
            {
                ReplayStepKind.Issue => await IssueAsync(step, batch.Date),
                ReplayStepKind.Receive => await AcknowledgeAsync(step, batch.Date),
                _ => await ReportAsync(step, batch.Date),
            };
        }
        finally
        {
            gate.Leave();
        }

        timings?.AddStep(batch.Kind, started);
        if (batch.Kind == ReplayStepKind.Issue)
        {
            // Children of this body receive its plan (and may localize it) only once it reached its whole subtree.
            started = Stopwatch.GetTimestamp();
            await grains.GetGrain<IBodyDiagnosticsGrain>(schedule.Run.Hierarchy.IdOf(step.Body)).WaitForDeliveryAsync(schedule.Year)
                .WaitAsync(cancellationToken);
            timings?.AddDeliveryWait(started);
        }

        Interlocked.Add(ref _eventsDone, events);
    }

    private async Task<int> IssueAsync(ReplayStep step, DateOnly today)
    {
        var body = Body(step.Body);
        string? error;
        if (schedule.Run.Hierarchy.Parents[step.Body] < 0)
        {
            error = (await body.PublishPlanAsync(RootPlan())).Error;
        }
        else
        {
            error = (await body.LocalizeAsync(LocalizationOf(schedule, step.Body, schedule.Year, today))).Error;
        }

        Fail(error, step.Body);
        Interlocked.Increment(ref _bodiesIssued);
        return 1;
    }

    /// <summary>签收 of every item, in one durable write.</summary>
    private async Task<int> AcknowledgeAsync(ReplayStep step, DateOnly today)
    {
        var updates = Enumerable.Range(0, schedule.Run.ItemCount)
            .Select(k => new ProgressUpdate(schedule.Year, ItemId(k), ProgressStep.Acknowledged, Note: $"{today:yyyy-MM-dd} 收到上级要点",
                RequestId: $"replay-ack-{ItemId(k)}"))
            .ToList();
        Fail((await Progress(step.Body).RecordProgressBatchAsync(updates, null)).Error, step.Body);
        return 1;
    }

    /// <summary>反馈 of the items the body completes that day, in one durable write.</summary>
    private async Task<int> ReportAsync(ReplayStep step, DateOnly today)
    {
        var updates = step.Items
            .Select(k => new ProgressUpdate(schedule.Year, ItemId(k), ProgressStep.Reported, Note: $"{today:yyyy-MM-dd} 完成（模拟回放）",
                RequestId: $"replay-done-{ItemId(k)}"))
            .ToList();
        Fail((await Progress(step.Body).RecordProgressBatchAsync(updates, null)).Error, step.Body);
        return step.Items.Count;
    }

    /// <summary>The localization a (non-root) body makes in the replay: no changes of its own, the fast engine's deadline policy.</summary>
    public static LocalizeCommand LocalizationOf(ReplaySchedule schedule, int body, int year, DateOnly today) =>
        new(year, [], Rules.PolicyRules.FromDomain(schedule.PolicyOf(body)), today);

    /// <summary>The root's plan: one item per simulated item, each with the one dated deadline the engine follows.</summary>
    private PublishPlanCommand RootPlan() => new(
        schedule.Year,
        schedule.Run.Scenario.PlanTitle,
        null,
        [.. schedule.Run.Scenario.Items.Select(i => new PlanItemData(i.Id, i.Heading, i.Heading,
            [new DeadlineData($"{i.Deadline.Month}月{i.Deadline.Day}日前", DeadlineKind.By, i.Deadline)], []))]);

    private void Fail(string? error, int body)
    {
        if (error is null)
        {
            return;
        }

        Interlocked.Increment(ref _failures);
        _lastError = $"{schedule.Run.Hierarchy.IdOf(body)}：{error}";
        logger.LogWarning("模拟回放调用失败：{Error}", _lastError);
    }

    private string ItemId(int item) => schedule.Run.Scenario.Items[item].Id;

    private IBodyGrain Body(int body) => grains.GetGrain<IBodyGrain>(schedule.Run.Hierarchy.IdOf(body));

    private IProgressGrain Progress(int body) => grains.GetGrain<IProgressGrain>(IProgressGrain.Key(schedule.Run.Hierarchy.IdOf(body), schedule.Year));
}
