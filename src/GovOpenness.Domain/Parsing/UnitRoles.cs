using System.Text.RegularExpressions;
using GovOpenness.Domain.Text;

namespace GovOpenness.Domain.Parsing;

/// <summary>
/// Reads who leads and who cooperates from a written list of units: "办公室牵头,各科室配合",
/// "市发展改革委牵头,市住建局等…", a 配合单位 column. 牵头, 负责, 统筹 and 落实 make a unit a lead
/// (it answers for the item); 配合, 协办, 参与, 协助 a cooperating one. Names as written.
/// </summary>
internal static partial class UnitRoles
{
    /// <summary>Lead and cooperating names in <paramref name="written"/>; a clause without a role word leads.</summary>
    public static (List<string> Lead, List<string> Cooperating) Read(string written)
    {
        var lead = new List<string>();
        var cooperating = new List<string>();
        if (written.Length == 0)
        {
            return (lead, cooperating);
        }

        var norm = ChineseText.Normalize(written);
        var clauses = Clauses(norm).Select(c => (c.Start, c.End, Role: RoleOf(norm[c.Start..c.End].Trim()))).ToList();
        for (var k = 0; k < clauses.Count; k++)
        {
            var (start, end, role) = clauses[k];

            // "市编办牵头,市电子政务办、市有关单位,各县政府负责": a clause without a role word shares the next
            // clause's; after a 牵头 with none following ("市发展改革委牵头,市住建局等…") it cooperates.
            role ??= clauses.Skip(k + 1).Select(c => c.Role).FirstOrDefault(r => r is not null)
                ?? (clauses.Take(k).Any(c => c.Role == Role.Lead) ? Role.Cooperating : Role.Lead);
            UnitListReader.AddDistinct(role == Role.Cooperating ? cooperating : lead, UnitListReader.Split(written[start..end]));
        }

        return (lead, cooperating);
    }

    /// <summary>Adds a table row's units to an item: the lead cell read for roles, the 配合单位 cell all cooperating.</summary>
    public static void AddTo(ItemDraft item, string leadCell, string supportCell)
    {
        var (lead, cooperating) = Read(leadCell);
        UnitListReader.AddDistinct(cooperating, UnitListReader.Split(supportCell));
        UnitListReader.AddDistinct(item.Units, lead);
        UnitListReader.AddDistinct(item.Units, cooperating);
        UnitListReader.AddDistinct(item.Lead, UnitListReader.CompleteElidedPrefixes(lead));
        UnitListReader.AddDistinct(item.Cooperating, UnitListReader.CompleteElidedPrefixes(cooperating));
    }

    /// <summary>
    /// A name standing for many bodies at once ("各县(市、区)政府", "市政府各部门", "市有关单位",
    /// "…等按职责分工落实"): kept as written, marked so that it is not taken for one body.
    /// </summary>
    public static bool IsCollective(string name) => Collective().IsMatch(ChineseText.Normalize(name));

    private enum Role
    {
        Lead,
        Cooperating,
    }

    private static Role? RoleOf(string clause)
        => Cooperates().IsMatch(clause) ? Role.Cooperating : Leads().IsMatch(clause) ? Role.Lead : null;

    private static IEnumerable<(int Start, int End)> Clauses(string norm)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < norm.Length; i++)
        {
            var c = norm[i];
            if (c is '(' or '[')
            {
                depth++;
            }
            else if (c is ')' or ']' && depth > 0)
            {
                depth--;
            }
            else if (depth == 0 && c is ',' or ';' or '\n' or '。')
            {
                yield return (start, i);
                start = i + 1;
            }
        }

        yield return (start, norm.Length);
    }

    [GeneratedRegex(@"(?:^(?:配合单位|协办单位|配合部门|参与单位)\s*:|(?:配合|协办|参与|协助)\s*$)")]
    private static partial Regex Cooperates();

    [GeneratedRegex(@"(?:^(?:牵头单位|责任单位|责任部门|牵头部门|负责单位)\s*:|(?:牵头|负责|统筹|落实|主责|承办|实施)\s*$)")]
    private static partial Regex Leads();

    [GeneratedRegex(@"^各|各(?:有关|相关|级|地|部门|单位|处室|科室|区|县|市|乡|镇|街道|直属|成员)|有关|相关|^全[省市县区]|按职责|等$")]
    private static partial Regex Collective();
}
