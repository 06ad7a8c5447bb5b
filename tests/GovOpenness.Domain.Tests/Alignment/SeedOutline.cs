using System.Text.RegularExpressions;
using GovOpenness.Domain.Parsing;
using GovOpenness.Domain.Plans;
using GovOpenness.Domain.Text;

namespace GovOpenness.Domain.Tests.Alignment;

/// <summary>
/// A deliberately small outline reader for the seed documents, so the aligner's tests do not depend on
/// the full parser's details: numbered lines become items, "X月底前"-style phrases become deadlines,
/// "（责任单位：…）" tails become units.
/// </summary>
internal static partial class SeedOutline
{
    public static PlanDocument Read(string text, int year)
    {
        var items = new List<(List<string> Path, string Heading, System.Text.StringBuilder Body, int Line)>();
        var path = new List<string>();
        var lines = text.Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            var line = ChineseText.FoldWidth(lines[n]).Trim().TrimStart('#', ' ').Replace("**", string.Empty, StringComparison.Ordinal).Trim();
            if (items.Count > 0 && line.StartsWith("抄送", StringComparison.Ordinal) || items.Count > 0 && line.StartsWith("附件:", StringComparison.Ordinal) || line.StartsWith("附件2", StringComparison.Ordinal))
            {
                break;
            }

            var depth = 0;
            string label = string.Empty, rest = line;
            if (Section().Match(line) is { Success: true } s)
            {
                (depth, label, rest) = (1, s.Groups[1].Value, line[s.Length..]);
            }
            else if (Item().Match(line) is { Success: true } i && path.Count >= 1)
            {
                (depth, label, rest) = (2, i.Groups[1].Value, line[i.Length..]);
            }
            else if (Sub().Match(line) is { Success: true } u && path.Count >= 2)
            {
                (depth, label, rest) = (3, u.Groups[1].Value, line[u.Length..]);
            }

            if (depth > 0)
            {
                path = [.. path.Take(depth - 1), label];
                var stop = rest.IndexOfAny(['。', '.']);
                var heading = stop > 0 ? rest[..stop] : rest;
                items.Add((path, heading.Trim(), new System.Text.StringBuilder(rest), n + 1));
            }
            else if (items.Count > 0)
            {
                items[^1].Body.Append(line);
            }
        }

        var counters = new List<int>();
        var result = new List<PlanItem>();
        foreach (var (p, heading, body, line) in items)
        {
            counters = [.. counters.Take(p.Count)];
            while (counters.Count < p.Count)
            {
                counters.Add(0);
            }

            counters[^1]++;
            var textValue = body.ToString();
            result.Add(new PlanItem(string.Join('.', counters), p, heading, textValue, Deadlines(textValue, year), Units(textValue), line));
        }

        return new PlanDocument(null, null, null, null, year, result, []);
    }

    public static IReadOnlyList<Deadline> Deadlines(string text, int year) => DeadlineExtractor.Extract(text, year).Deadlines;

    private static IReadOnlyList<string> Units(string text)
    {
        var m = UnitTail().Match(ChineseText.Normalize(text));
        if (!m.Success)
        {
            return [];
        }

        var list = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value;
        return [.. list.Split(['、', ',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }


    [GeneratedRegex(@"^([一二三四五六七八九十]+)、")]
    private static partial Regex Section();

    [GeneratedRegex(@"^([(（][一二三四五六七八九十]+[)）])")]
    private static partial Regex Item();

    [GeneratedRegex(@"^(\d{1,2})[.．]\s*")]
    private static partial Regex Sub();


    [GeneratedRegex(@"[(（]责任单位[:：]([^)）]*)[)）]|[(（]([^()（）]{1,60})负责[)）]")]
    private static partial Regex UnitTail();
}
