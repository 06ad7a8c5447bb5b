using GovOpenness.Domain.Hierarchy;
using GovOpenness.Domain.Progress;

namespace GovOpenness.Domain.Desk;

/// <summary>
/// Which bodies of a subtree a supervisor wants to see. Every condition given must hold. With an item
/// (<see cref="ItemId"/>, e.g. "2.1") light, overdue and step apply to that item, so "step 未签收, item
/// 2.1" lists the bodies that have not acknowledged item 2.1; without one they apply to any of the
/// body's items (step: at least one item at that step; light: the body's worst light).
/// </summary>
public sealed record SubtreeFilter(
    ProgressLight? Light = null,
    bool? Overdue = null,
    DeskStep? Step = null,
    string? ItemId = null,
    BodyLevel? Level = null)
{
    public bool Matches(BodyStanding body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (Level is { } level && body.Level != level)
        {
            return false;
        }

        if (ItemId is not null)
        {
            if (body.Item is not { } item)
            {
                return false; // the body's plan does not have the item (dropped, or another plan)
            }

            return (Light is not { } l || item.Light == l)
                && (Overdue is not { } o || (item.Light == ProgressLight.Red) == o)
                && (Step is not { } s || body.ItemStep == s || (s == DeskStep.InProgress && body.ItemStep == DeskStep.Returned));
        }

        return (Light is not { } light || body.Light == light)
            && (Overdue is not { } overdue || (body.OverdueItems > 0) == overdue)
            && (Step is not { } step || body.Steps[step] > 0);
    }
}
