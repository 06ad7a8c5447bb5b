using System.Globalization;

namespace GovOpenness.Domain.Parsing;

/// <summary>
/// Reads a plan issued as a table outright (工作任务 / 具体要求 / 责任单位 / 时限要求): each row is an
/// item; rows under a section row ("一、…") or sharing a 类别 cell form a section, and rows under a
/// group cell ("（一）…", or a short task merged over several rows) a sub-section of it. Section labels
/// are the section row's own ("一") or Chinese numerals by position; group labels their own ("（一）")
/// or positions; item labels the 序号 cells (else positions).
/// </summary>
internal static class TablePlanBuilder
{
    public static List<ItemDraft> Build(IEnumerable<TaskRow> rows)
    {
        var items = new List<ItemDraft>();
        ItemDraft? section = null;
        ItemDraft? groupSection = null;
        string? category = null;
        string? group = null;
        var topCount = 0;
        foreach (var row in rows)
        {
            if (row.Category is not null && row.Category != category)
            {
                category = row.Category;
                group = null;
                groupSection = null;
                section = Start(row.Category, row.Line, null, ++topCount, NumeralText.Format(topCount));
                items.Add(section);
            }

            if (row.Group is not null && row.Group != group)
            {
                group = row.Group;
                var position = section is null ? ++topCount : ++section.ChildCount;
                var fallback = section is null ? NumeralText.Format(position) : $"（{NumeralText.Format(position)}）";
                groupSection = Start(row.Group, row.Line, section, position, fallback);
                items.Add(groupSection);
            }

            if (row.IsHeadingOnly)
            {
                continue;
            }

            var parent = groupSection ?? section;
            var index = parent is null ? ++topCount : ++parent.ChildCount;
            var label = row.Number is { Length: > 0 } n ? DocumentPatterns.Compact(n) : index.ToString(CultureInfo.InvariantCulture);
            var id = parent is null ? index.ToString(CultureInfo.InvariantCulture) : $"{parent.Id}.{index}";
            var path = parent is null ? new[] { label } : [.. parent.Path, label];
            var item = new ItemDraft(id, path, row.Line);
            if (row.Task.Length > 0 && row.Content.Length > 0)
            {
                item.Heading = Headings.Clean(row.Task.ReplaceLineEndings(string.Empty));
                item.HeadingIsTitleLine = true;
                item.Append(row.Content);
            }
            else
            {
                item.Append(row.MatchText);
            }

            UnitRoles.AddTo(item, row.Lead, row.Support);
            if (row.Deadline.Length > 0)
            {
                item.ExtraDeadlineText.Add(row.Deadline);
            }

            items.Add(item);
            PlanLimits.CheckItemCount(items.Count, row.Line);
        }

        return items;
    }

    private static ItemDraft Start(string text, int line, ItemDraft? parent, int position, string fallbackLabel)
    {
        var label = HeadingPattern.Match(Text.ChineseText.Normalize(text));
        var id = parent is null ? position.ToString(CultureInfo.InvariantCulture) : $"{parent.Id}.{position}";
        var own = label?.Label ?? fallbackLabel;
        var heading = label is null ? Headings.Clean(text) : Headings.Clean(text[label.RestStart..]);
        return new ItemDraft(id, parent is null ? [own] : [.. parent.Path, own], line) { Heading = heading, HeadingIsTitleLine = true };
    }
}
