using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Parsing;

/// <summary>
/// Attaches a task-division table (分工方案, 004's 附件2) to the items it restates: each row goes to the
/// item whose text holds the largest share of the row's character bigrams, and its lead and supporting
/// units (and time limit) join that item's. A row that matches no item well is reported as a warning.
/// </summary>
internal static class TaskTableMatcher
{
    /// <summary>At least this share of a row's bigrams must be found in the item's text.</summary>
    private const double MinContainment = 0.5;

    public static void Attach(IReadOnlyList<ItemDraft> items, TaskTable table, List<PlanWarning> warnings)
    {
        var itemBigrams = items.Select(i => Bigrams.Of($"{i.Heading}\n{i.Text}")).ToList();
        foreach (var row in table.Rows.Where(r => !r.IsHeadingOnly))
        {
            var rowBigrams = Bigrams.Of(row.MatchText);
            var best = -1;
            var bestScore = 0.0;
            for (var k = 0; k < items.Count; k++)
            {
                var score = Bigrams.Containment(rowBigrams, itemBigrams[k]);
                if (score > bestScore)
                {
                    best = k;
                    bestScore = score;
                }
            }

            if (best < 0 || bestScore < MinContainment)
            {
                warnings.Add(new PlanWarning("table-row-unmatched",
                    $"第 {row.Line} 行：任务分工表第 {row.Number ?? "?"} 项“{Abridge(row.MatchText)}”与要点正文中的条目都对不上，其责任单位未归入任何条目。",
                    row.Line));
                continue;
            }

            var item = items[best];
            UnitRoles.AddTo(item, row.Lead, row.Support);
            if (row.Deadline.Length > 0)
            {
                item.ExtraDeadlineText.Add(row.Deadline);
            }
        }
    }

    private static string Abridge(string text)
    {
        var oneLine = text.ReplaceLineEndings(string.Empty);
        return oneLine.Length <= 30 ? oneLine : $"{oneLine[..30]}…";
    }
}
