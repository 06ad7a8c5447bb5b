using System.Text.RegularExpressions;
using GovOpenness.Domain.Text;

namespace GovOpenness.Domain.Parsing;

/// <summary>
/// Splits a document into <see cref="SourceLine"/>s: strips markdown marks (#, **), surrounding blanks
/// (including the ideographic space), and flags page numbers ("—１１", "- 3 -", "第 3 页") and
/// publication notes ("（此件公开发布）") as noise.
/// </summary>
internal static partial class LineCleaner
{
    private const int MaxNoiseLength = 24;

    public static List<SourceLine> Clean(string text)
    {
        var rawLines = text.Split('\n');
        var lines = new List<SourceLine>(rawLines.Length);
        for (var i = 0; i < rawLines.Length; i++)
        {
            var raw = rawLines[i].TrimEnd('\r');
            var (cleaned, boldLead) = StripMarkdown(raw);
            var norm = ChineseText.Normalize(cleaned);
            lines.Add(new SourceLine(i + 1, raw, cleaned, norm, boldLead, IsNoise(raw, norm)));
        }

        return lines;
    }

    /// <summary>Trims blanks, leading "#" marks and "**" bold marks; returns the bold lead if the line starts bolded.</summary>
    private static (string Text, string? BoldLead) StripMarkdown(string raw)
    {
        var line = raw.Trim().Trim('\u3000', '\uFEFF').Trim();
        if (line.StartsWith('#'))
        {
            line = MarkdownHeading().Replace(line, string.Empty);
        }

        string? boldLead = null;
        if (line.StartsWith("**", StringComparison.Ordinal))
        {
            var close = line.IndexOf("**", 2, StringComparison.Ordinal);
            if (close > 2)
            {
                boldLead = line[2..close].Trim();
            }
        }

        if (line.Contains("**", StringComparison.Ordinal))
        {
            line = line.Replace("**", string.Empty, StringComparison.Ordinal);
        }

        return (line.Trim().Trim('\u3000').Trim(), boldLead);
    }

    private static bool IsNoise(string raw, string norm)
    {
        var trimmed = norm.Trim();

        // Page marks and publication notes are short; a longer line is text.
        if (trimmed.Length is 0 or > MaxNoiseLength)
        {
            return false;
        }

        if (PublicationNote().IsMatch(trimmed) || Rule().IsMatch(trimmed) || PageMark().IsMatch(trimmed))
        {
            return true;
        }

        // A bare number on its own line is a page number, unless the line is a table cell (tab or bar).
        return BareNumber().IsMatch(trimmed) && !raw.Contains('\t') && !raw.Contains('|');
    }

    [GeneratedRegex(@"^#{1,6}\s*")]
    private static partial Regex MarkdownHeading();

    [GeneratedRegex(@"^\((此件|此文件|本件)[^()]{0,12}\)$")]
    private static partial Regex PublicationNote();

    /// <summary>Lines of dashes or rules only: "—", "-----", "***".</summary>
    [GeneratedRegex(@"^[-—–―_~·•*=\s]+$")]
    private static partial Regex Rule();

    /// <summary>"—１１", "- 3 -", "－ 12 －", "第 3 页", "第3页 共10页", "3/10".</summary>
    [GeneratedRegex(@"^(?:[-—–―~·•]+\s*\d{1,4}\s*[-—–―~·•]*|\d{1,4}\s*[-—–―~·•]+|第\s*\d{1,4}\s*页(?:\s*[,/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})$")]
    private static partial Regex PageMark();

    [GeneratedRegex(@"^\d{1,3}$")]
    private static partial Regex BareNumber();
}
