using GovOpenness.Domain.Alignment;
using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Plans;
using GovOpenness.Domain.Progress;

namespace GovOpenness.Domain.Desk;

/// <summary>One side of a look-back: a day, the plan in force on it, and the body's progress record for that plan's year.</summary>
public sealed record LookBackSide(DateOnly Day, PlanDocument Plan, BodyProgress Progress);

/// <summary>
/// 回头看 between two days: what changed in a body's plan and progress from <see cref="From"/> to
/// <see cref="To"/>. Two days in the same plan year compare the plan as it stood on each (items matched by
/// id); days in different years compare the two years' plans with the document aligner (reworded, merged,
/// split items found by their wording). Each row says whether the item was kept, added or dropped, whether
/// its deadline moved (a year's "7月底前" against the next year's "7月底前" is not a move) or its units
/// changed, and its progress on each day.
/// </summary>
public sealed record LookBack(
    string BodyId,
    LookBackDay From,
    LookBackDay To,
    IReadOnlyList<LookBackRow> Rows,
    double Coverage)
{
    /// <summary>The body's name, for the page's heading.</summary>
    public string? Name { get; init; }

    public int Added => Rows.Count(r => r.Kind == LookBackKind.Added);

    public int Dropped => Rows.Count(r => r.Kind == LookBackKind.Dropped);

    public int Carried => Rows.Count(r => r.Kind == LookBackKind.Carried);

    public int DeadlineMoved => Rows.Count(r => r.DeadlineMoved);

    public int UnitsChanged => Rows.Count(r => r.UnitsChanged);

    /// <summary>Compares the plan and progress of <paramref name="then"/> with those of <paramref name="now"/>.</summary>
    public static LookBack Of(string bodyId, LookBackSide then, LookBackSide now, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(then);
        ArgumentNullException.ThrowIfNull(now);
        var thenItems = Standing(then, calendar);
        var nowItems = Standing(now, calendar);
        var yearShift = now.Plan.Year - then.Plan.Year;
        var rows = new List<LookBackRow>();
        double coverage;
        if (yearShift == 0)
        {
            var nowIds = nowItems.Select(i => i.ItemId).ToHashSet(StringComparer.Ordinal);
            var thenById = thenItems.ToDictionary(i => i.ItemId, StringComparer.Ordinal);
            foreach (var item in nowItems)
            {
                rows.Add(thenById.TryGetValue(item.ItemId, out var earlier) ? CarriedRow([earlier], item, 0) : AddedRow(item));
            }

            rows.AddRange(thenItems.Where(i => !nowIds.Contains(i.ItemId)).Select(DroppedRow));
            coverage = thenItems.Count == 0 ? 1 : (double)thenItems.Count(i => nowIds.Contains(i.ItemId)) / thenItems.Count;
        }
        else
        {
            var result = DocumentAligner.Align(then.Plan, now.Plan, AlignmentOptions.YearOverYear);
            var thenById = thenItems.ToDictionary(i => i.ItemId, StringComparer.Ordinal);
            var nowById = nowItems.ToDictionary(i => i.ItemId, StringComparer.Ordinal);
            var pairs = result.Pairs.Where(p => p.Parents.Count > 0 && nowById.ContainsKey(p.Child.Id)).ToDictionary(p => p.Child.Id, StringComparer.Ordinal);
            foreach (var item in nowItems)
            {
                var earlier = pairs.TryGetValue(item.ItemId, out var pair) ? pair.Parents.Select(p => thenById.GetValueOrDefault(p.Id)).OfType<LookBackItem>().ToList() : [];
                rows.Add(earlier.Count > 0
                    ? CarriedRow(earlier, item, yearShift, pair!.IsDoubtful(AlignmentOptions.YearOverYear)) with { Merged = pair.Change == AlignmentChange.Merged, Split = pair.Change == AlignmentChange.Split }
                    : AddedRow(item));
            }

            var matched = rows.SelectMany(r => r.AlsoThen.Append(r.Then?.ItemId)).OfType<string>().ToHashSet(StringComparer.Ordinal);
            rows.AddRange(thenItems.Where(i => !matched.Contains(i.ItemId)).Select(DroppedRow));
            coverage = Math.Round(result.Coverage, 3);
        }

        return new LookBack(bodyId, Day(then, thenItems), Day(now, nowItems), rows, coverage);
    }

    /// <param name="doubtful">A match across years the aligner is unsure of: the change says 待核, for a person to confirm.</param>
    private static LookBackRow CarriedRow(IReadOnlyList<LookBackItem> earlier, LookBackItem later, int yearShift, bool doubtful = false)
    {
        var first = earlier[0];
        var moved = !DueDates(first).Select(d => d.AddYears(yearShift)).SequenceEqual(DueDates(later));
        var units = !earlier.SelectMany(e => e.Units).ToHashSet(StringComparer.Ordinal).SetEquals(later.Units);
        var direction = moved && DueDates(first).FirstOrDefault() is var from && DueDates(later).FirstOrDefault() is var to && from != default && to != default
            ? (to < from.AddYears(yearShift) ? "期限提前" : to > from.AddYears(yearShift) ? "期限推后" : "期限调整")
            : moved ? "期限调整" : null;
        var reworded = first.Heading != later.Heading;
        var change = string.Join("、", new[] { direction, units ? "责任单位调整" : null, reworded ? "改写" : null, doubtful ? "待核" : null }.OfType<string>());
        return new LookBackRow(LookBackKind.Carried, first, later, change.Length > 0 ? change : "原样保留", moved, units)
        {
            AlsoThen = [.. earlier.Skip(1).Select(e => e.ItemId)],
        };
    }

    private static LookBackRow AddedRow(LookBackItem later) => new(LookBackKind.Added, null, later, "新增", false, false);

    private static LookBackRow DroppedRow(LookBackItem earlier) => new(LookBackKind.Dropped, earlier, null, "删除", false, false);

    private static IEnumerable<DateOnly> DueDates(LookBackItem item) => item.Deadlines.Select(d => d.Date).OfType<DateOnly>().Order();

    /// <summary>The plan's items (headings are structure, not items) with their progress on the side's day.</summary>
    private static List<LookBackItem> Standing(LookBackSide side, WorkingDayCalendar calendar)
    {
        var progress = ProgressAsOf.At(side.Progress, side.Day);
        var standings = ItemStanding.Of(progress, side.Day, calendar).ToDictionary(s => s.ItemId, StringComparer.Ordinal);
        var headings = PlanStructure.Headings([.. side.Plan.Items.Select(i => i.Depth)]);
        return [.. side.Plan.Items.Where((_, i) => !headings[i]).Select(item =>
        {
            var own = progress.ProgressOf(item.Id);
            // A year whose progress record never got the plan's targets (nobody reported on it) is judged
            // on the plan's own earliest due date, as the progress grain would have derived it.
            var due = standings.TryGetValue(item.Id, out var standing) ? standing.Deadline : item.Deadlines.Select(d => d.DueDate).Min();
            var step = own.Status == ItemStatus.InProgress && own.ReturnReason is not null ? "退回" : ProgressNames.Of(own.Status);
            return new LookBackItem(
                item.Id,
                HeadingOf(item),
                [.. item.Deadlines.Select(d => new LookBackDeadline(d.Text, d.DueDate))],
                item.Units,
                own.Status,
                step,
                own.Percent,
                standing?.Light ?? DeadlineLight.Of(due, own.Status, side.Day, calendar),
                standing?.OverdueWorkingDays ?? DeadlineLight.OverdueWorkingDays(due, own.Status, side.Day, calendar));
        })];
    }

    private static LookBackDay Day(LookBackSide side, List<LookBackItem> items) => new(
        side.Day,
        side.Plan.Year,
        side.Plan.Title,
        side.Plan.DocNumber,
        items.Count,
        items.Count(i => i.Status == ItemStatus.Closed),
        items.Count(i => i.Status is ItemStatus.Reported or ItemStatus.Closed),
        items.Count(i => i.Status == ItemStatus.Pending),
        items.Count(i => i.Light == ProgressLight.Red));

    private static string HeadingOf(PlanItem item) => item.Heading.Length > 0 ? item.Heading : item.Text.Length > 40 ? item.Text[..40] + "…" : item.Text;
}

/// <summary>Whether an item was kept from the earlier day's plan, added by the later one, or dropped.</summary>
public enum LookBackKind
{
    Carried,
    Added,
    Dropped,
}

/// <summary>One side's day, plan and totals: items, closed (办结), reported or closed, not acknowledged, overdue (red).</summary>
public sealed record LookBackDay(DateOnly Day, int Year, string? Title, string? DocNumber, int Items, int Closed, int Reported, int Pending, int Overdue)
{
    /// <summary>
    /// The plan was recorded in the system only after this day (a past year entered later): its current
    /// wording stands in for the one in force then, and the page says so.
    /// </summary>
    public bool PlanRecordedLater { get; init; }
}

/// <summary>A deadline as the plan writes it and the date it falls due (none for 持续推进 and the like).</summary>
public sealed record LookBackDeadline(string Text, DateOnly? Date);

/// <summary>An item on one side: wording, deadlines, units, and its progress on that side's day.</summary>
/// <param name="Step">未签收 / 已签收 / 办理中 / 已反馈 / 已办结 / 退回.</param>
public sealed record LookBackItem(
    string ItemId,
    string Heading,
    IReadOnlyList<LookBackDeadline> Deadlines,
    IReadOnlyList<string> Units,
    ItemStatus Status,
    string Step,
    int? Percent,
    ProgressLight Light,
    int OverdueWorkingDays);

/// <summary>One row: the item then (null when added) and now (null when dropped), and what changed, in Chinese.</summary>
public sealed record LookBackRow(LookBackKind Kind, LookBackItem? Then, LookBackItem? Now, string Change, bool DeadlineMoved, bool UnitsChanged)
{
    /// <summary>Further earlier items merged into this one (the aligner's 合并).</summary>
    public IReadOnlyList<string> AlsoThen { get; init; } = [];

    public bool Merged { get; init; }

    public bool Split { get; init; }
}
