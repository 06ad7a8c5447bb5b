using System.Text.Json;
using GovOpenness.Domain.Plans;
using GovOpenness.Domain.Text;

namespace GovOpenness.Domain.Parsing.Recall;

/// <summary>One document's score: what a person reads there and how much of it the parser found.</summary>
/// <param name="File">The fixture.</param>
/// <param name="Expected">Deadlines + units + issue date a person reads.</param>
/// <param name="Found">How many of those the parser found.</param>
/// <param name="Refused">The parser's refusal message, when it refused the document.</param>
public sealed record GenreScore(string File, int Expected, int Found, int DeadlinesExpected, int DeadlinesFound,
    int UnitsExpected, int UnitsFound, bool DateExpected, bool DateFound, string? Refused);

/// <summary>
/// Measures the parser on real documents it was not written against: per document, the share of the
/// deadlines, units and issue date a person reads there that the parser finds. Phrases and names are
/// compared width-folded and simplified (a full-width copy reads the same), each counted as often as written.
/// </summary>
public static class GenreRecall
{
    private static readonly JsonSerializerOptions ManifestOptions = new(PlanJson.Options) { PropertyNameCaseInsensitive = true };

    /// <summary>Reads <c>expectations.json</c> in <paramref name="directory"/>.</summary>
    public static GenreManifest ReadManifest(string directory)
        => JsonSerializer.Deserialize<GenreManifest>(File.ReadAllText(Path.Combine(directory, "expectations.json")), ManifestOptions)
            ?? throw new InvalidDataException($"{directory}/expectations.json 为空");

    /// <summary>Scores every document of the manifest.</summary>
    public static List<GenreScore> Score(string directory)
        => [.. ReadManifest(directory).Documents.Select(d => Score(d, File.ReadAllText(Path.Combine(directory, d.File))))];

    /// <summary>Scores one document's text against what a person reads there.</summary>
    public static GenreScore Score(GenreExpectation expected, string text)
    {
        var dateExpected = expected.IssueDate is not null;
        var total = expected.Deadlines.Count + expected.Units.Count + (dateExpected ? 1 : 0);
        PlanDocument plan;
        try
        {
            plan = Parse(text, expected.AssumeYear);
        }
        catch (PlanParseException e)
        {
            return new GenreScore(expected.File, total, 0, expected.Deadlines.Count, 0, expected.Units.Count, 0, dateExpected, false, e.Message);
        }

        var deadlines = Matched(expected.Deadlines, plan.Items.SelectMany(i => i.Deadlines).Select(d => d.Text));
        var units = Matched(expected.Units, plan.Items.SelectMany(UnitsOf));
        var date = dateExpected && plan.IssueDate == expected.IssueDate;
        return new GenreScore(expected.File, total, deadlines + units + (date ? 1 : 0), expected.Deadlines.Count, deadlines,
            expected.Units.Count, units, dateExpected, date, null);
    }

    private static PlanDocument Parse(string text, int? assumeYear) => PlanParser.Parse(text, new PlanParseOptions(assumeYear));

    /// <summary>An item's units, each counted once per item.</summary>
    private static IEnumerable<string> UnitsOf(PlanItem item) => item.Units.Distinct();

    private static int Matched(IReadOnlyList<string> expected, IEnumerable<string> found)
    {
        var pool = found.Select(Key).GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
        var matched = 0;
        foreach (var key in expected.Select(Key))
        {
            if (pool.TryGetValue(key, out var n) && n > 0)
            {
                pool[key] = n - 1;
                matched++;
            }
        }

        return matched;
    }

    private static string Key(string s) => string.Concat(ChineseText.Normalize(s).Where(c => !char.IsWhiteSpace(c)));
}
