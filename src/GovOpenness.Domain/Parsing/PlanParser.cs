using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Parsing;

/// <summary>Reads a 政务公开工作要点 document, as text, into a <see cref="PlanDocument"/>.</summary>
/// <remarks>
/// Matching runs on normalized text (width-folded, simplified: <see cref="Text.ChineseText.Normalize"/>),
/// which maps character for character, so every heading, text and unit comes back as written.
/// </remarks>
public static class PlanParser
{
    /// <summary>
    /// Parses a document. Throws <see cref="PlanParseException"/> (naming the line) when the text cannot
    /// be read as a plan at all; anything a person should check comes back as warnings.
    /// </summary>
    public static PlanDocument Parse(string text) => Parse(text, null);

    /// <summary>Parses a document, reading what it leaves out as <paramref name="options"/> say.</summary>
    public static PlanDocument Parse(string text, PlanParseOptions? options)
    {
        InputGuard.Check(text);
        var lines = LineCleaner.Clean(text);
        var tables = TaskTableReader.FindAll(lines);
        var firstTable = tables.Count > 0 ? tables[0].HeaderIndex : lines.Count;
        var layout = DocumentLayout.Locate(lines, firstTable);
        var warnings = new List<PlanWarning>();
        var metadata = MetadataReader.Read(lines, layout, warnings);

        // Numbered cells inside a table ("一、… |", "1.… |") are rows of it, not items of their own.
        var drafts = StructureBuilder.Build(lines, layout.BodyStart, layout.BodyEnd)
            .Where(d => !tables.Any(t => d.Line >= lines[t.HeaderIndex].Number && t.EndIndex > 0 && d.Line <= lines[t.EndIndex - 1].Number))
            .ToList();
        var kind = PlanKind.Plan;
        if (drafts.Count > 0)
        {
            drafts[^1].DropClosingParagraphs(DocumentPatterns.IsClosingParagraph);
            SetHeadings(drafts);
            foreach (var table in tables)
            {
                TaskTableMatcher.Attach(drafts, table, warnings);
            }
        }
        else
        {
            drafts = TablePlanBuilder.Build(tables.SelectMany(t => t.Rows));
            SetHeadings(drafts);
            kind = PlanKind.TaskTable;
        }

        if (drafts.Count == 0)
        {
            var from = lines[Math.Min(layout.BodyStart, lines.Count - 1)].Number;
            throw new PlanParseException(
                $"第 {from} 行起找不到工作要点的条目：既没有“一、”“（一）”“1.”这样的编号，也没有“工作任务／责任单位”这样的任务表。", from);
        }

        var year = metadata.Year ?? YearFromBody(lines, layout) ?? AssumedYear(options, warnings)
            ?? throw new PlanParseException("无法确定工作要点所属的年度：标题、文号、成文日期和正文中都没有年份。");

        var items = drafts.Select(d => Finish(d, year, warnings)).ToList();
        var plan = new PlanDocument(metadata.Title, metadata.Issuer, metadata.DocNumber, metadata.IssueDate, year, items, warnings) { Kind = kind };

        // The supervisor's checks (deadlines already passed or too close, items without units) need the whole plan.
        warnings.AddRange(PlanChecks.Check(plan, WorkingDayCalendar.China));
        return plan;
    }

    private static void SetHeadings(List<ItemDraft> drafts)
    {
        foreach (var draft in drafts)
        {
            draft.Heading ??= Headings.FirstSentence(draft.Text);
        }
    }

    private static PlanItem Finish(ItemDraft draft, int year, List<PlanWarning> warnings)
    {
        var text = draft.Text;
        var units = UnitExtractor.Extract(text);
        UnitListReader.AddDistinct(units, draft.Units);

        // A title line is no part of the text but may still set a deadline.
        var deadlineSource = draft.HeadingIsTitleLine && draft.Heading is { Length: > 0 } h ? $"{h}\n{text}" : text;
        var deadlines = new List<Deadline>();
        AddDeadlines(deadlines, deadlineSource, year, draft, warnings, distinct: false);
        foreach (var extra in draft.ExtraDeadlineText)
        {
            // A task table's time limit often repeats what the item's text already says.
            AddDeadlines(deadlines, extra, year, draft, warnings, distinct: true);
        }

        var lead = draft.Lead.Count > 0 || draft.Cooperating.Count > 0
            ? draft.Lead
            : UnitListReader.CompleteElidedPrefixes(units);
        return new PlanItem(draft.Id, draft.Path, draft.Heading ?? string.Empty, text, deadlines, units, draft.Line)
        {
            Lead = lead,
            Cooperating = draft.Cooperating,
            Collective = [.. units.Where(UnitRoles.IsCollective)],
        };
    }

    private static int? AssumedYear(PlanParseOptions? options, List<PlanWarning> warnings)
    {
        if (options?.FallbackYear is not { } year)
        {
            return null;
        }

        warnings.Add(new PlanWarning("year-assumed",
            $"文件中没有写年度（标题、文号、成文日期和正文都没有年份），按 {year} 年换算期限中的日期，请核对。", null));
        return year;
    }

    private static void AddDeadlines(List<Deadline> into, string text, int year, ItemDraft draft, List<PlanWarning> warnings, bool distinct)
    {
        if (text.Length == 0)
        {
            return;
        }

        var (found, problems) = DeadlineExtractor.Extract(text, year, draft.Line);
        if (distinct && found.Count == 0 && problems.Count == 0 && text.Trim() is { Length: > 0 } cell)
        {
            // A 时限 cell in words the parser does not know ("视情况", "根据上级部署"): kept verbatim, never dropped.
            found = [new Deadline(cell, DeadlineKind.Unparsed)];
            warnings.Add(new PlanWarning("deadline-unparsed",
                $"第 {draft.Line} 行：条目 {draft.Id} 的时限“{cell}”无法识别为日期或期限，已原样保留，请核对。", draft.Line, draft.Id));
        }

        foreach (var d in found)
        {
            if (!distinct || !into.Contains(d))
            {
                into.Add(d);
            }
        }

        warnings.AddRange(problems.Select(p => p.ItemId is null ? p with { ItemId = draft.Id } : p));
    }

    private static int? YearFromBody(IReadOnlyList<SourceLine> lines, DocumentLayout layout)
    {
        for (var i = layout.BodyStart; i < layout.BodyEnd; i++)
        {
            var m = DocumentPatterns.YearIn(lines[i].Compact);
            if (m.Success && MetadataReader.PlausibleYear(NumeralText.Parse(m.Groups["y"].Value)) is { } year)
            {
                return year;
            }
        }

        return null;
    }
}
