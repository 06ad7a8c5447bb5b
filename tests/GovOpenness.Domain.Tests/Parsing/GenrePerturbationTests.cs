using System.Text;
using GovOpenness.Domain.Parsing;
using GovOpenness.Domain.Plans;
using GovOpenness.Domain.Text;

namespace GovOpenness.Domain.Tests.Parsing;

/// <summary>
/// The same real tables written differently (full or half width, traditional or simplified script, "|"
/// or tabs, cells wrapped over lines) must read the same: the same items, deadlines and units.
/// </summary>
public class GenrePerturbationTests
{
    public static TheoryData<string> Documents => new(
        "chizhou-xfj-cells.txt", "jiangmen-tdcbzx-rows.txt", "jingzhou-2022-notice-ledger.txt",
        "jiangmen-zrzyj-ledger-cells.txt", "jieyang-rows-collective.txt", "jimei-2021-notice-empty-rows.txt");

    public static TheoryData<string> RowDocuments => new("jiangmen-tdcbzx-rows.txt", "jieyang-rows-collective.txt");

    public static TheoryData<string> CellDocuments => new("chizhou-xfj-cells.txt", "jiangmen-zrzyj-ledger-cells.txt");

    private static readonly Lazy<Dictionary<char, char>> ToTraditionalMap = new(() =>
    {
        var map = new Dictionary<char, char>();
        for (var c = '\u4E00'; c <= '\u9FFF'; c++)
        {
            var simplified = ChineseText.ToSimplified(c.ToString())[0];
            if (simplified != c)
            {
                map.TryAdd(simplified, c);
            }
        }

        return map;
    });

    [Theory]
    [MemberData(nameof(Documents))]
    public void Full_width_digits_and_punctuation_read_the_same(string file)
        => AssertSameReading(file, FullWidth);

    [Theory]
    [MemberData(nameof(Documents))]
    public void Full_width_bars_read_the_same(string file)
        => AssertSameReading(file, t => t.Replace('|', '｜'));

    [Theory]
    [MemberData(nameof(Documents))]
    public void Traditional_script_reads_the_same(string file)
        => AssertSameReading(file, Traditional);

    [Theory]
    [MemberData(nameof(RowDocuments))]
    public void Tabs_instead_of_bars_read_the_same(string file)
        => AssertSameReading(file, t => string.Join("\n", t.Split('\n').Select(l => l.Replace(" | ", "\t").TrimEnd(' ', '|'))));

    [Theory]
    [MemberData(nameof(CellDocuments))]
    public void Cells_wrapped_over_lines_read_the_same(string file)
        => AssertSameReading(file, Wrap);

    private static void AssertSameReading(string file, Func<string, string> perturb)
    {
        var text = GenreRecallTests.Text(file);
        var expected = Reading(PlanParser.Parse(text, new PlanParseOptions(2022)));
        var actual = Reading(PlanParser.Parse(perturb(text), new PlanParseOptions(2022)));

        Assert.Equal(expected, actual);
    }

    /// <summary>What is read, compared width-folded and simplified (the text comes back as written).</summary>
    private static List<string> Reading(PlanDocument plan) => [.. plan.Items.Select(i => ChineseText.Normalize(
        $"{string.Join("/", i.Path)} {i.Heading} | {string.Join(",", i.Deadlines.Select(d => $"{d.Text}:{d.Kind}:{d.Date}:{d.Days}"))}"
        + $" | {string.Join(",", i.Units)} | {string.Join(",", i.Lead)} | {string.Join(",", i.Cooperating)} | {string.Join(",", i.Collective)}"))
        .Prepend($"{plan.Kind} {plan.IssueDate} {plan.Year}")];

    private static string FullWidth(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c is >= '0' and <= '9' or '(' or ')' or ',' or ':' or ';' ? (char)(c + 0xFEE0) : c);
        }

        return builder.ToString();
    }

    private static string Traditional(string text)
    {
        var map = ToTraditionalMap.Value;
        return string.Concat(text.Select(c => map.TryGetValue(c, out var t) ? t : c));
    }

    /// <summary>Breaks every long cell after its 20th character, as a narrow export does.</summary>
    private static string Wrap(string text)
        => string.Join("\n", text.Split('\n').Select(l => l.Length > 30 && !l.StartsWith('|') ? $"{l[..20]}\n{l[20..]}" : l));
}
