using System.Text.Json.Serialization;
using GovOpenness.Domain.Calendar;

namespace GovOpenness.Domain.Localization;

/// <summary>
/// A policy that sets each "by" deadline from the parent's date alone: a per-date function, the one
/// set of deadline rules. The policy engine runs it over whole plans (<see cref="Changes"/>, what the
/// grains do), and the simulation engine runs the same <see cref="Resolve"/> over its working-day index
/// for every item of up to 665,000 bodies, so the two cannot disagree (a property test checks it).
/// </summary>
public abstract record DeadlinePolicy : LocalizationPolicy
{
    /// <summary>Whether the result may fall after the parent's deadline (an exception granted, 报批同意);
    /// otherwise a later result keeps the parent's date, since a child may tighten but not relax.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool AllowLater { get; init; }

    /// <summary>The rule itself: the body's date for one parent "by" deadline, before the cap.</summary>
    public abstract DateOnly Move(DateOnly parentDate, in DeadlineContext context);

    /// <summary>The body's date for one parent "by" deadline: moved, and capped at the parent's unless <see cref="AllowLater"/>.</summary>
    public DateOnly Resolve(DateOnly parentDate, in DeadlineContext context)
    {
        var moved = Move(parentDate, context);
        return moved <= parentDate || AllowLater ? moved : parentDate;
    }

    /// <summary>The earliest date the rule can give (its largest draw), for checking a scenario before it runs.</summary>
    public virtual DateOnly Earliest(DateOnly parentDate, in DeadlineContext context) => Resolve(parentDate, context);

    /// <summary>The same rule drawing from <paramref name="seed"/> (rules without a random part return themselves).</summary>
    public virtual DeadlinePolicy Seeded(ulong seed) => this;

    /// <summary>A Chinese description for summaries.</summary>
    public string Describe() => DescribeRule() + (AllowLater ? "（允许晚于上级）" : "");

    /// <summary>What is wrong with the rule's parameters, in Chinese, or null.</summary>
    public abstract string? Problem();

    public override IEnumerable<LocalizationChange> Changes(PublishedPlan parent, WorkingDayCalendar calendar, string? bodyId = null)
    {
        ArgumentNullException.ThrowIfNull(parent);
        if (Problem() is { } problem)
        {
            throw new ArgumentException(problem);
        }

        return PolicyChanges.MoveByDeadlines(parent, this, calendar, DeadlineDraw.BodyKeyOf(bodyId));
    }

    protected abstract string DescribeRule();
}
