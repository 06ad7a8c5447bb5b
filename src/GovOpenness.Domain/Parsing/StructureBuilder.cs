namespace GovOpenness.Domain.Parsing;

/// <summary>
/// Builds the item tree from the body's lines. A numbering style met for the first time opens a level
/// below the current one; a style already open closes the levels beneath it. Ids follow position
/// ("2.3" = third item of the second section), whatever the labels say (000 numbers its items
/// （一）…（十六） straight through its sections).
/// </summary>
internal static class StructureBuilder
{
    /// <summary>
    /// From this length a label line without a sentence end is a wrapped paragraph, not a title line
    /// (the genre's title lines run 4–25 characters; PDF copies wrap at about 30).
    /// </summary>
    private const int TitleLineMaxLength = 30;

    /// <summary>A colon this early in a label line ends a heading phrase ("（一）组织领导：…").</summary>
    private const int MaxColonHeadingLength = 20;

    public static List<ItemDraft> Build(IReadOnlyList<SourceLine> lines, int start, int end)
    {
        var items = new List<ItemDraft>();
        var open = new List<(HeadingStyle Style, ItemDraft Item)>();
        var topCount = 0;
        var wrapWidth = WrapWidth.Detect(lines, start, end);
        for (var i = start; i < end; i++)
        {
            var line = lines[i];
            if (!line.HasContent)
            {
                continue;
            }

            var label = line.Label;
            if (label is null)
            {
                // Text before the first item is the preamble; it belongs to no item.
                if (open.Count > 0)
                {
                    open[^1].Item.Append(line.Text);
                }

                continue;
            }

            var level = open.FindIndex(o => o.Style == label.Style);
            if (level < 0)
            {
                level = open.Count;
            }

            open.RemoveRange(level, open.Count - level);
            var parent = level == 0 ? null : open[^1].Item;
            var index = parent is null ? ++topCount : ++parent.ChildCount;
            var id = parent is null ? index.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{parent.Id}.{index}";
            var path = parent is null ? new[] { label.Label } : [.. parent.Path, label.Label];
            var item = new ItemDraft(id, path, line.Number);
            Start(item, line, label, wrapWidth);
            items.Add(item);
            PlanLimits.CheckItemCount(items.Count, line.Number);
            open.Add((label.Style, item));
        }

        return items;
    }

    /// <summary>
    /// Sets the heading from the label line: the bolded part ("**（一）坚持权威信息首发。**…"), else the first
    /// sentence when the line holds one ("（一）生态环境质量信息。实时发布…"), else the whole line when it is
    /// a title line ("(一)以权威发布促落实"). A long line, one ending on a comma or holding two, is a wrapped paragraph: its heading
    /// is its first sentence, known once the paragraph is complete.
    /// </summary>
    private static void Start(ItemDraft item, SourceLine line, HeadingLabel label, int? wrapWidth)
    {
        var rest = line.Text[label.RestStart..].Trim();
        var restNorm = line.Norm[label.RestStart..].Trim();
        if (line.BoldLead is { } bold && HeadingPattern.Match(Text.ChineseText.Normalize(bold)) is { } boldLabel)
        {
            var heading = Headings.Clean(bold[boldLabel.RestStart..]);
            if (heading.Length > 0)
            {
                item.Heading = heading;
                item.Append(rest);
                return;
            }
        }

        var end = Headings.SentenceEnd(restNorm);
        var colon = restNorm.IndexOf(':');
        if (colon is >= 2 and <= MaxColonHeadingLength && (end < 0 || colon < end))
        {
            // "1.财政信息：公开预算、决算…": a short phrase before a colon is the heading.
            item.Heading = Headings.Clean(rest[..colon]);
            item.Append(rest);
        }
        else if (end >= 0)
        {
            item.Heading = Headings.Clean(rest[..end]);
            item.Append(rest);
        }
        else if (rest.Length == 0 || rest.Length >= TitleLineMaxLength || Headings.EndsMidSentence(restNorm) || restNorm.Count(c => c == ',') >= 2
            || line.Text.Length >= wrapWidth - 1)
        {
            item.Append(rest);
        }
        else
        {
            item.Heading = Headings.Clean(rest);
            item.HeadingIsTitleLine = true;
        }
    }
}
