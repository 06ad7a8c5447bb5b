namespace GovOpenness.Domain.Text;

/// <summary>
/// Normalizations that make the many renderings of one document compare equal: full-width digits,
/// letters and brackets as copied from PDFs, and traditional characters as copied by mirror sites.
/// Every mapping is one UTF-16 unit to one, so positions in the normalized text slice the original.
/// </summary>
public static class ChineseText
{
    // One 128 KB table per mapping, indexed by the character itself: normalizing runs on every
    // document, and a table lookup per character is several times cheaper than a dictionary probe.
    private static readonly Lazy<char[]> WidthTable = new(BuildWidthTable);
    private static readonly Lazy<char[]> SimplifiedTable = new(BuildSimplifiedTable);
    private static readonly Lazy<char[]> NormalTable = new(BuildNormalTable);

    /// <summary>
    /// Folds full-width ASCII (digits, letters, punctuation such as （）：) to half-width and the
    /// ideographic space to a plain space. Chinese punctuation without an ASCII twin (、。“”《》〔〕) is kept.
    /// </summary>
    public static string FoldWidth(string text) => Map(text, WidthTable.Value);

    /// <summary>Maps traditional characters to simplified ones, one character at a time.</summary>
    public static string ToSimplified(string text) => Map(text, SimplifiedTable.Value);

    /// <summary>Whether the text has any traditional character that the simplified script writes differently.</summary>
    public static bool HasTraditional(string text) => FirstChanged(text, SimplifiedTable.Value) >= 0;

    /// <summary>Width folding and simplification together: the form used for matching.</summary>
    public static string Normalize(string text) => Map(text, NormalTable.Value);

    private static string Map(string text, char[] table)
    {
        var first = FirstChanged(text, table);
        if (first < 0)
        {
            return text;
        }

        return string.Create(text.Length, (text, table, first), static (span, state) =>
        {
            var (source, map, start) = state;
            source.AsSpan(0, start).CopyTo(span);
            for (var i = start; i < source.Length; i++)
            {
                span[i] = map[source[i]];
            }
        });
    }

    private static int FirstChanged(string text, char[] table)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (table[text[i]] != text[i])
            {
                return i;
            }
        }

        return -1;
    }

    private static char[] Identity()
    {
        var table = new char[char.MaxValue + 1];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = (char)i;
        }

        return table;
    }

    private static char[] BuildWidthTable()
    {
        var table = Identity();
        for (var c = '\uFF01'; c <= '\uFF5E'; c++)
        {
            table[c] = (char)(c - 0xFEE0);
        }

        table['\u3000'] = ' ';
        return table;
    }

    private static char[] BuildSimplifiedTable()
    {
        var table = Identity();
        using var stream = typeof(ChineseText).Assembly.GetManifestResourceStream("text/ts-characters.tsv")
            ?? throw new InvalidOperationException("Embedded resource text/ts-characters.tsv is missing from GovOpenness.Domain.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            // Characters outside the Basic Multilingual Plane are rare in official documents; skip them.
            if (line.Length == 3 && line[1] == '\t' && table[line[0]] == line[0])
            {
                table[line[0]] = line[2];
            }
        }

        return table;
    }

    private static char[] BuildNormalTable()
    {
        var width = WidthTable.Value;
        var simplified = SimplifiedTable.Value;
        var table = new char[width.Length];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = simplified[width[i]];
        }

        return table;
    }
}
