namespace GovOpenness.Domain.Parsing;

/// <summary>
/// Reads a plan issued as a table outright (工作任务 / 具体要求 / 责任单位 / 时限要求): each row is an
/// item; rows under a section row ("一、…") or sharing a 类别 cell form a section. Section labels are
/// the section row's own ("一") or, for a 类别 column, Chinese numerals by position; item labels are
/// the 序号 cells (else positions).
/// </summary>
internal static class TablePlanBuilder
{
    public static List<ItemDraft> Build(IEnumerable<TaskRow> rows)
    {
        var items = new List<ItemDraft>();
        ItemDraft? section = null;
        string? category = null;
        var topCount = 0;
        foreach (var row in rows)
        {
            if (row.Category is not null && row.Category != category)
            {
                category = row.Category;
                section = StartSection(row, ++topCount);
                items.Add(section);
            }

            var index = section is null ? ++topCount : ++section.ChildCount;
            var label = row.Number is { Length: > 0 } n ? DocumentPatterns.Compact(n) : index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var id = section is null ? index.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{section.Id}.{index}";
            var path = section is null ? new[] { label } : [.. section.Path, label];
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

            UnitNames.AddDistinct(item.Units, UnitNames.Split(row.Lead));
            UnitNames.AddDistinct(item.Units, UnitNames.Split(row.Support));
            if (row.Deadline.Length > 0)
            {
                item.ExtraDeadlineText.Add(row.Deadline);
            }

            items.Add(item);
            PlanLimits.CheckItemCount(items.Count, row.Line);
        }

        return items;
    }

    private static ItemDraft StartSection(TaskRow row, int position)
    {
        var text = row.Category!;
        var label = HeadingPattern.Match(Text.ChineseText.Normalize(text));
        var id = position.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var section = label is null
            ? new ItemDraft(id, [NumeralText.Format(position)], row.Line) { Heading = Headings.Clean(text) }
            : new ItemDraft(id, [label.Label], row.Line) { Heading = Headings.Clean(text[label.RestStart..]) };
        section.HeadingIsTitleLine = true;
        return section;
    }
}
