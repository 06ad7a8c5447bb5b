using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Tests.Localization;

/// <summary>Random plans and changes for the property tests, reproducible from a seed.</summary>
internal sealed class RandomPlans(int seed)
{
    private readonly Random _random = new(seed);

    public PublishedPlan Plan(string bodyId = "14", int version = 1)
    {
        var items = new List<PlanItem>();
        for (var s = 1; s <= _random.Next(1, 5); s++)
        {
            items.Add(TestPlans.Item($"{s}", $"第{s}部分"));
            for (var m = 1; m <= _random.Next(0, 5); m++)
            {
                items.Add(TestPlans.Item($"{s}.{m}", $"事项{s}.{m}", [.. Enumerable.Range(0, _random.Next(0, 4)).Select(_ => Deadline())]));
            }
        }

        return new PublishedPlan(bodyId, TestPlans.Year, version, "随机计划", null, null, [.. items]);
    }

    public Deadline Deadline() => _random.Next(6) switch
    {
        0 => TestPlans.Ongoing(),
        1 => TestPlans.From(_random.Next(1, 13)),
        2 => TestPlans.EveryYear(_random.Next(1, 13)),
        _ => TestPlans.EndOf(_random.Next(1, 13)),
    };

    public DateOnly Date() => new DateOnly(TestPlans.Year, 1, 1).AddDays(_random.Next(365));

    /// <summary>Random changes against the plan, with no approved exception but with later dates too:
    /// the materializer must hold the rule whatever the changes say.</summary>
    public PlanLocalization Changes(PublishedPlan parent, bool exceptions = false)
    {
        var changes = new List<LocalizationChange>();
        var locals = 0;
        foreach (var item in parent.Items)
        {
            switch (_random.Next(8))
            {
                case 0:
                    changes.Add(new TightenDeadline(item.Id, Date(), exceptions && _random.Next(4) == 0));
                    break;
                case 1 when item.Deadlines.Any(d => d.Date.HasValue):
                    var dated = Enumerable.Range(0, item.Deadlines.Count).Where(i => item.Deadlines[i].Date.HasValue).ToList();
                    changes.Add(new TightenDeadline(item.Id, Date(), exceptions && _random.Next(4) == 0, dated[_random.Next(dated.Count)]));
                    break;
                case 2:
                    changes.Add(new SetUnits(item.Id, [$"单位{_random.Next(100)}"]));
                    break;
                case 3:
                    changes.Add(new Reword(item.Id, $"本级标题{_random.Next(100)}"));
                    break;
                case 4 when _random.Next(3) == 0:
                    changes.Add(new Drop(item.Id, "本级不涉及"));
                    break;
                case 5:
                    changes.Add(new AddItem($"L{++locals}", _random.Next(2) == 0 ? item.Id : null, "本级事项", "正文", [Deadline()], []));
                    break;
            }
        }

        return new PlanLocalization(parent.BodyId, parent.Year, parent.Version, [.. changes]);
    }

    /// <summary>Changes a careless client might send: unknown items and deadlines, repeated and
    /// positional local ids, blank reasons, anchors that do not exist.</summary>
    public PlanLocalization Junk(PublishedPlan parent)
    {
        var ids = parent.Items.Select(i => i.Id).Concat(["9.9", "", "L1", "1"]).ToList();
        string Id() => ids[_random.Next(ids.Count)];
        var changes = Enumerable.Range(0, _random.Next(1, 12)).Select<int, LocalizationChange>(_ => _random.Next(5) switch
        {
            0 => new TightenDeadline(Id(), Date(), _random.Next(2) == 0, _random.Next(3) == 0 ? null : _random.Next(-1, 4)),
            1 => new SetUnits(Id(), _random.Next(2) == 0 ? [] : [""]),
            2 => new Reword(Id(), _random.Next(2) == 0 ? null : "标题"),
            3 => new Drop(Id(), _random.Next(2) == 0 ? "" : "本级不涉及"),
            _ => new AddItem(Id(), _random.Next(2) == 0 ? null : Id(), "", "", [Deadline()], []),
        });
        return new PlanLocalization(parent.BodyId, parent.Year, parent.Version, [.. changes]);
    }

    /// <summary>Random changes with those the validator rejects left out.</summary>
    public PlanLocalization ValidChanges(PublishedPlan parent)
    {
        var changes = Changes(parent, exceptions: true);
        var rejected = LocalizationValidator.Default.Validate(parent, changes, new DateOnly(TestPlans.Year, 1, 1)).Errors
            .Select(e => e.ItemId).ToHashSet();
        return changes with { Changes = [.. changes.Changes.Where(c => !rejected.Contains(c.ItemId))] };
    }

    /// <summary>A revision of the plan: some items reworded, some deadlines moved, some removed.</summary>
    public PublishedPlan Revise(PublishedPlan plan) => plan with
    {
        Version = plan.Version + 1,
        Items = [.. plan.Items.Where(_ => _random.Next(10) != 0).Select(item => _random.Next(4) switch
        {
            0 => item with { Text = item.Text + "（修订）" },
            1 => item with { Deadlines = [.. item.Deadlines.Select(d => d.Date is { } date && _random.Next(2) == 0 ? d with { Date = date.AddDays(-_random.Next(60)) } : d)] },
            _ => item,
        })],
    };
}
