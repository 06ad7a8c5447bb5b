using System.Text;
using System.Text.RegularExpressions;
using GovOpenness.Domain.Text;

namespace GovOpenness.Domain.Parsing;

/// <summary>
/// Splits a written list of responsible units ("市行政审批局、市自然资源局…等", "执法局、执法总队负责",
/// "市卫健局及各乡镇人民政府", a table cell with one unit per line) into unit names as written.
/// Names keep their own wording ("各处室（局）"); blanks inside a name ("水  处") are removed.
/// "和" is not a separator: it is part of names such as 住房和城乡建设局.
/// </summary>
internal static partial class UnitListReader
{
    public static List<string> Split(string written)
    {
        var names = new List<string>();
        var norm = ChineseText.Normalize(written);
        foreach (var (start, end) in Segments(norm, IsClauseSeparator))
        {
            var clause = written[start..end];
            var clauseNorm = norm[start..end];
            var prefix = RolePrefix().Match(clauseNorm);
            var from = prefix.Success ? prefix.Length : 0;
            var suffix = RoleSuffix().Match(clauseNorm, from);
            var to = suffix.Success ? suffix.Index : clauseNorm.Length;
            if (to <= from)
            {
                continue;
            }

            var body = clause[from..to];
            var bodyNorm = clauseNorm[from..to];
            foreach (var (s, e) in Segments(bodyNorm, IsNameSeparator))
            {
                AddName(names, body[s..e]);
            }
        }

        return names;
    }

    /// <summary>
    /// "市教科局、卫健局": a list that names its level once means it for every name after it, so
    /// "卫健局" reads "市卫健局". Only short names of an office kind, without a level of their own, are completed.
    /// The item's units keep the words as written; its lead and cooperating units name the bodies, completed.
    /// </summary>
    public static List<string> CompleteElidedPrefixes(IEnumerable<string> written)
    {
        var names = written.ToList();
        string? level = null;
        for (var k = 0; k < names.Count; k++)
        {
            var norm = ChineseText.Normalize(names[k]);
            var own = LevelPrefix().Match(norm);
            if (own.Success)
            {
                level = names[k][..own.Length];
            }
            else if (level is not null && norm.Length <= 6 && OfficeKind().IsMatch(norm) && !norm.StartsWith('各'))
            {
                names[k] = level + names[k];
            }
        }

        return names;
    }

    /// <summary>Adds <paramref name="candidates"/> not already in <paramref name="units"/>, keeping order.</summary>
    public static void AddDistinct(List<string> units, IEnumerable<string> candidates)
    {
        foreach (var c in candidates)
        {
            if (!units.Contains(c, StringComparer.Ordinal))
            {
                units.Add(c);
            }
        }
    }

    private static void AddName(List<string> names, string raw)
    {
        var builder = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        var name = builder.ToString().Trim('等', '。', '.', '”', '“', '"');
        var role = TrailingRole().Match(ChineseText.Normalize(name));
        if (role.Success)
        {
            // "县行政审批局（牵头）": the role in brackets is no part of the name.
            name = name[..role.Index];
        }

        if (name.StartsWith('由'))
        {
            name = name[1..];
        }

        // "市有关单位（见附件1，下同）": a note in brackets is no part of the name.
        var note = Note().Match(ChineseText.Normalize(name));
        if (note.Success)
        {
            name = name.Remove(note.Index, note.Length);
        }

        // "市住建局等政府各有关…": what follows 等 only says "and others".
        var etc = Etcetera().Match(ChineseText.Normalize(name));
        if (etc.Success)
        {
            name = name[..etc.Index];
        }

        if (name.Length is >= 2 and <= 40 && !names.Contains(name, StringComparer.Ordinal))
        {
            names.Add(name);
        }
    }

    /// <summary>Ranges between separators, ignoring separators inside brackets ("各处室（局、室）").</summary>
    private static IEnumerable<(int Start, int End)> Segments(string norm, Func<string, int, int> separatorLength)
    {
        var depth = 0;
        var start = 0;
        var i = 0;
        while (i < norm.Length)
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

            var length = depth == 0 ? separatorLength(norm, i) : 0;
            if (length > 0)
            {
                yield return (start, i);
                i += length;
                start = i;
            }
            else
            {
                i++;
            }
        }

        yield return (start, norm.Length);
    }

    private static int IsClauseSeparator(string norm, int i) => norm[i] is ';' or ',' or '\n' or '。' ? 1 : 0;

    private static int IsNameSeparator(string norm, int i)
        => norm[i] is '、' or '/' or '\\' or '|' or '\t' ? 1
            : norm[i] == '及' ? 1
            : 0;

    [GeneratedRegex(@"\((?:见|详见|下同|含)[^()]*\)")]
    private static partial Regex Note();

    [GeneratedRegex(@"(?<=[^高平同中初对])等(?=.)")]
    private static partial Regex Etcetera();

    [GeneratedRegex(@"^(?:省|市(?!场)|县|区(?!域)|州|盟|旗)(?=.{2})")]
    private static partial Regex LevelPrefix();

    [GeneratedRegex(@"(?:局|委|办|厅|中心)$")]
    private static partial Regex OfficeKind();

    [GeneratedRegex(@"\((?:牵头|配合|负责|主责|协办|牵头单位|配合单位)\)$")]
    private static partial Regex TrailingRole();

    [GeneratedRegex(@"^\s*(?:责任单位|牵头单位|配合单位|协办单位|责任部门|牵头部门|配合部门|责任处室|牵头处室|承办单位|主办单位|负责单位|责任主体|牵头|配合)\s*(?:\([^()]*\))?\s*[:]\s*")]
    private static partial Regex RolePrefix();

    [GeneratedRegex(@"(?:按职责分工负责|按职责分工落实|按职责负责|按职责落实|分别负责|共同负责|牵头负责|负责落实|牵头落实|统筹|负责|牵头|配合|协办|落实)\s*$")]
    private static partial Regex RoleSuffix();
}
