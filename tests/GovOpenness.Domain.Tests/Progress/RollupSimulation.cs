using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Progress;

namespace GovOpenness.Domain.Tests.Progress;

/// <summary>
/// A random tree of bodies, each with its progress, roll-up and outbox, and an unreliable network
/// between them: calls lost, responses lost, messages duplicated or delayed, nodes restarted.
/// </summary>
internal sealed class RollupSimulation
{
    private readonly Random _random;
    private readonly List<Node> _nodes = [];
    private readonly List<(Node To, SummaryDelta Delta)> _delayed = [];
    private long _nextEpoch = 1;

    public RollupSimulation(int seed, int bodies, int offenderLimit = 3)
    {
        _random = new Random(seed);
        OffenderLimit = offenderLimit;
        Today = new DateOnly(2022, 3, 1);
        for (var i = 0; i < bodies; i++)
        {
            // Parents among recent nodes give depth (chains of 5–8 levels) as well as breadth.
            var parent = i == 0 ? null : _nodes[Math.Max(0, i - 1 - _random.Next(Math.Min(i, 12)))];
            var node = new Node($"b{i:D3}", parent);
            node.Progress = RandomProgress(node);
            parent?.Children.Add(node);
            _nodes.Add(node);
            Restart(node);
        }
    }

    public int OffenderLimit { get; }

    public DateOnly Today { get; private set; }

    public IReadOnlyList<Node> Nodes => _nodes;

    public int Applied { get; private set; }

    public int Rejected { get; private set; }

    public WorkingDayCalendar Calendar { get; } = WorkingDayCalendar.China;

    /// <summary>One random event.</summary>
    public void Step()
    {
        var roll = _random.Next(100);
        if (roll < 55)
        {
            Update(_nodes[_random.Next(_nodes.Count)]);
        }
        else if (roll < 93)
        {
            Flush(_nodes[_random.Next(1, _nodes.Count)], reliable: false);
        }
        else if (roll < 96)
        {
            DeliverDelayed(_random.Next(_delayed.Count + 1));
        }
        else if (roll < 98)
        {
            Restart(_nodes[_random.Next(_nodes.Count)]);
        }
        else
        {
            NewDay(_random.Next(1, 20));
        }
    }

    /// <summary>Delivers what is still in transit, then flushes bottom-up over a reliable network until
    /// no child has anything left to send.</summary>
    public int Settle()
    {
        DeliverDelayed(_delayed.Count);
        var rounds = 0;
        bool sent;
        do
        {
            sent = false;
            foreach (var node in _nodes.AsEnumerable().Reverse().Where(n => n.Parent is not null))
            {
                sent |= Flush(node, reliable: true);
            }

            rounds++;
        }
        while (sent && rounds < 100);
        return rounds;
    }

    /// <summary>The summary computed from scratch from the leaves: every body below, counted once.</summary>
    public (SummaryCounts Counts, SummaryExtremes Extremes) Recount(Node node)
    {
        var counts = SummaryCounts.Zero;
        var offenders = new List<Offender>();
        var maxPublish = 0;
        var maxOverdue = 0;
        foreach (var body in Subtree(node))
        {
            var own = ProgressFigures.ForBody(body.Progress, Today, Calendar);
            counts = counts.Add(own.Counts);
            offenders.AddRange(own.Extremes.Offenders);
            maxPublish = Math.Max(maxPublish, own.Extremes.MaxPublishDelayDays);
            maxOverdue = Math.Max(maxOverdue, own.Extremes.MaxOverdueDays);
        }

        offenders.Sort(Offender.Compare);
        return (counts, new SummaryExtremes(maxPublish, maxOverdue, [.. offenders.Take(OffenderLimit)]));
    }

    public static IEnumerable<Node> Subtree(Node node) => node.Children.SelectMany(Subtree).Prepend(node);

    private void Update(Node node)
    {
        var target = node.Progress.Targets[_random.Next(node.Progress.Targets.Length)];
        var step = _random.Next(4) == 0 ? (ProgressStep)_random.Next(5) : NaturalNext(node.Progress.ProgressOf(target.ItemId).Status);
        var actor = step is ProgressStep.Accepted or ProgressStep.Returned ? node.Parent?.Id ?? node.Id : node.Id;
        var update = new ProgressUpdate(2022, target.ItemId, step, _random.Next(101), step == ProgressStep.Returned ? "请补充材料" : null,
            step == ProgressStep.Reported ? ["https://example.gov.cn/x"] : [], $"r{_random.Next(1000)}");
        var result = node.Progress.Apply(update, Today, actor);
        if (!result.Outcome.IsApplied)
        {
            Rejected++;
            return;
        }

        Applied++;
        node.Progress = result.Body;
        node.Rollup.SetOwn(ProgressFigures.ForBody(node.Progress, Today, Calendar));
    }

    // Mostly the step a diligent body (or parent) would take next, sometimes anything at all.
    private ProgressStep NaturalNext(ItemStatus status) => status switch
    {
        ItemStatus.Pending => ProgressStep.Acknowledged,
        ItemStatus.Acknowledged or ItemStatus.InProgress => _random.Next(2) == 0 ? ProgressStep.InProgress : ProgressStep.Reported,
        ItemStatus.Reported => _random.Next(3) == 0 ? ProgressStep.Returned : ProgressStep.Accepted,
        _ => (ProgressStep)_random.Next(5),
    };

    private bool Flush(Node node, bool reliable)
    {
        var delta = node.Outbox.TakeDelta(node.Rollup.Summary);
        if (delta is null)
        {
            return false;
        }

        var parent = node.Parent!;
        switch (reliable ? 0 : _random.Next(10))
        {
            case 1: // the call is lost: nothing arrives, no receipt
                break;
            case 2: // applied, but the response is lost
                parent.Rollup.Receive(delta);
                break;
            case 3: // delivered twice (a retry); the child sees the second receipt
                parent.Rollup.Receive(delta);
                node.Outbox.Acknowledge(parent.Rollup.Receive(delta));
                break;
            case 4: // timed out and delivered later; its receipt goes nowhere
                _delayed.Add((parent, delta));
                break;
            default:
                node.Outbox.Acknowledge(parent.Rollup.Receive(delta));
                break;
        }

        return true;
    }

    private void DeliverDelayed(int count)
    {
        for (var i = 0; i < count && _delayed.Count > 0; i++)
        {
            var at = _random.Next(_delayed.Count);
            var (to, delta) = _delayed[at];
            _delayed.RemoveAt(at);
            to.Rollup.Receive(delta);
        }
    }

    /// <summary>A node loses its soft state: a new roll-up pulled from its children, a new outbox epoch.</summary>
    private void Restart(Node node)
    {
        node.Rollup = new SubtreeRollup(node.Id, 2022, OffenderLimit);
        node.Rollup.SetOwn(ProgressFigures.ForBody(node.Progress, Today, Calendar));
        foreach (var child in node.Children)
        {
            node.Rollup.Receive(child.Outbox.TakeFull(child.Rollup.Summary));
        }

        node.Outbox = new SummaryOutbox(node.Id, 2022, _nextEpoch++);
    }

    private void NewDay(int days)
    {
        Today = Today.AddDays(days);
        foreach (var node in _nodes)
        {
            node.Rollup.SetOwn(ProgressFigures.ForBody(node.Progress, Today, Calendar));
        }
    }

    private BodyProgress RandomProgress(Node node)
    {
        var targets = Enumerable.Range(1, _random.Next(1, 8))
            .Select(i => new ItemTarget($"{i}.1", _random.Next(5) == 0 ? null : new DateOnly(2022, 3, 1).AddDays(_random.Next(120)), _random.Next(1, 4)))
            .ToArray();
        var issued = new DateOnly(2022, 2, 1);
        var milestones = new PlanMilestones(
            issued,
            _random.Next(4) == 0 ? null : issued.AddDays(_random.Next(10)),
            _random.Next(3) == 0 ? null : issued.AddDays(_random.Next(10, 30)),
            _random.Next(2) == 0 ? null : issued.AddDays(_random.Next(30, 90)));
        return new BodyProgress(node.Id, 2022, node.Parent?.Id) { Targets = [.. targets], Milestones = milestones };
    }

    internal sealed class Node(string id, Node? parent)
    {
        public string Id { get; } = id;

        public Node? Parent { get; } = parent;

        public List<Node> Children { get; } = [];

        public BodyProgress Progress { get; set; } = null!;

        public SubtreeRollup Rollup { get; set; } = null!;

        public SummaryOutbox Outbox { get; set; } = null!;
    }
}
