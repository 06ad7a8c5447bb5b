using System.Collections.Immutable;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Plans;
using GovOpenness.Domain.Text;

namespace GovOpenness.Domain.Alignment;

/// <summary>A department that may be named in a 分工方案: its body id and name ("14.sthj", "山西省生态环境厅").</summary>
public sealed record DivisionDepartment(string Id, string Name);

/// <summary>One department's share of a 分工方案, recorded as its localization of the province's plan.</summary>
/// <param name="Department">The department.</param>
/// <param name="Named">The names under which the table names it ("省生态环境厅").</param>
/// <param name="Leads">Ids of the province's items (or local "L…" items) it leads.</param>
/// <param name="Cooperates">Ids of the items it cooperates on.</param>
/// <param name="Localization">Its plan: every other item of the province's dropped, the table's units and dates set.</param>
public sealed record DivisionShare(
    DivisionDepartment Department,
    IReadOnlyList<string> Named,
    IReadOnlyList<string> Leads,
    IReadOnlyList<string> Cooperates,
    PlanLocalization Localization);

/// <summary>What importing a 分工方案 yields: each named department's share, and the names no body matches.</summary>
/// <param name="Shares">One per department named and found.</param>
/// <param name="Unmatched">Names that match no department (or several): listed, never guessed.</param>
/// <param name="Collective">Names that stand for many bodies ("各市政府"): no single department takes them.</param>
/// <param name="UnpairedRows">Ids of table rows the province's plan has no item for (they become local items of their departments).</param>
public sealed record DivisionResult(
    IReadOnlyList<DivisionShare> Shares,
    IReadOnlyList<string> Unmatched,
    IReadOnlyList<string> Collective,
    IReadOnlyList<string> UnpairedRows);

/// <summary>
/// A province's 分工方案 hands each item of its plan down to lead and cooperating departments. Importing
/// one gives each department exactly the items it leads or cooperates on, as a localization of the
/// province's plan: the rows are aligned with the plan's items (<see cref="DocumentAligner"/>); for a
/// department, the items it is not named on are dropped, and the ones it is named on take the table's
/// units and (where the table gives one) its date. Rows the plan lacks become local items.
/// </summary>
public static class DivisionPlanCascade
{
    private const string NotAssigned = "分工方案未将此项分给本部门";

    public static DivisionResult Split(PublishedPlan province, PlanDocument division, IReadOnlyList<DivisionDepartment> departments, AlignmentOptions? options = null)
    {
        var parentDocument = new PlanDocument(province.Title, null, province.DocNumber, province.IssueDate, province.Year, [.. province.Items], []);
        var alignment = DocumentAligner.Align(parentDocument, division, options);
        var parentOf = new Dictionary<PlanItem, PlanItem>(ReferenceEqualityComparer.Instance);
        foreach (var pair in alignment.Pairs)
        {
            parentOf[pair.Child] = pair.Parents[0];
        }

        var rows = Leaves(division.Items).ToList();
        var named = new Dictionary<string, (List<string> Names, List<(PlanItem Row, bool Lead)> Rows)>(StringComparer.Ordinal);
        var unmatched = new List<string>();
        var collective = new List<string>();
        foreach (var row in rows)
        {
            foreach (var (name, lead) in row.Lead.Select(n => (n, true)).Concat(row.Cooperating.Select(n => (n, false))))
            {
                if (row.Collective.Contains(name) || Parsing.CollectiveNames.IsCollective(name))
                {
                    AddOnce(collective, name);
                    continue;
                }

                if (Match(name, departments) is not { } department)
                {
                    AddOnce(unmatched, name);
                    continue;
                }

                if (!named.TryGetValue(department.Id, out var entry))
                {
                    named[department.Id] = entry = ([], []);
                }

                AddOnce(entry.Names, name);
                if (!entry.Rows.Any(r => ReferenceEquals(r.Row, row)))
                {
                    entry.Rows.Add((row, lead));
                }
            }
        }

        var shares = departments.Where(d => named.ContainsKey(d.Id))
            .Select(d => Share(province, d, named[d.Id].Names, named[d.Id].Rows, parentOf))
            .ToList();
        var unpaired = rows.Where(r => !parentOf.ContainsKey(r)).Select(r => r.Id).ToList();
        return new DivisionResult(shares, unmatched, collective, unpaired);
    }

    /// <summary>
    /// The one department a written name means: the same name, or a name that is the department's once its
    /// level ("省", "市") is put for the province's own name ("省生态环境厅" → "山西省生态环境厅"). None or
    /// several: null.
    /// </summary>
    public static DivisionDepartment? Match(string written, IReadOnlyList<DivisionDepartment> departments)
    {
        var name = Key(written);
        var exact = departments.Where(d => Key(d.Name) == name).ToList();
        if (exact.Count == 1)
        {
            return exact[0];
        }

        var core = name.Length > 3 && name[0] is '省' or '市' or '县' or '区' ? name[1..] : name;
        if (core.Length < 3)
        {
            return null;
        }

        var byLevel = departments.Where(d => Key(d.Name) is var k && k.EndsWith(core, StringComparison.Ordinal)
            && k.Length > core.Length && k[^(core.Length + 1)] == name[0]).ToList();
        return byLevel.Count == 1 ? byLevel[0] : null;
    }

    private static DivisionShare Share(PublishedPlan province, DivisionDepartment department, List<string> names,
        List<(PlanItem Row, bool Lead)> rows, Dictionary<PlanItem, PlanItem> parentOf)
    {
        var kept = new Dictionary<string, PlanItem>(StringComparer.Ordinal);
        var changes = new List<LocalizationChange>();
        var leads = new List<string>();
        var cooperates = new List<string>();
        foreach (var (row, lead) in rows)
        {
            if (parentOf.TryGetValue(row, out var parent))
            {
                if (kept.TryAdd(parent.Id, row))
                {
                    changes.AddRange(Onto(parent, row));
                }

                (lead ? leads : cooperates).Add(parent.Id);
            }
            else
            {
                changes.Add(new AddItem($"L{row.Id}", null, row.Heading.Trim(), row.Text, [.. row.Deadlines], [.. row.Units]));
                (lead ? leads : cooperates).Add($"L{row.Id}");
            }
        }

        foreach (var item in Leaves(province.Items).Where(i => !kept.ContainsKey(i.Id)))
        {
            changes.Add(new Drop(item.Id, NotAssigned));
        }

        var localization = new PlanLocalization(province.BodyId, province.Year, province.Version, [.. changes]);
        return new DivisionShare(department, names, leads.Distinct().ToList(), cooperates.Distinct().ToList(), localization);
    }

    /// <summary>The table's units, and its date where it sets one the province's item does not have.</summary>
    private static IEnumerable<LocalizationChange> Onto(PlanItem parent, PlanItem row)
    {
        if (row.Units.Count > 0 && !row.Units.SequenceEqual(parent.Units))
        {
            yield return new SetUnits(parent.Id, [.. row.Units]);
        }

        if (row.EarliestDueDate is { } date && date != parent.EarliestDueDate)
        {
            var index = -1;
            for (var k = 0; k < parent.Deadlines.Count; k++)
            {
                if (parent.Deadlines[k].DueDate == parent.EarliestDueDate && parent.EarliestDueDate is not null)
                {
                    index = k;
                    break;
                }
            }

            yield return new TightenDeadline(parent.Id, date, ApprovedException: false, DeadlineIndex: index < 0 ? null : index);
        }
    }

    /// <summary>Items with no items below them: the tasks a table assigns.</summary>
    private static IEnumerable<PlanItem> Leaves(IEnumerable<PlanItem> items)
    {
        var list = items.ToList();
        return list.Where(i => !list.Any(o => o.Id.StartsWith(i.Id + ".", StringComparison.Ordinal)));
    }

    private static string Key(string name) => string.Concat(ChineseText.Normalize(name).Where(c => !char.IsWhiteSpace(c)));

    private static void AddOnce(List<string> list, string value)
    {
        if (!list.Contains(value, StringComparer.Ordinal))
        {
            list.Add(value);
        }
    }
}
