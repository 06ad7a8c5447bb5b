using System.Collections.Frozen;
using System.Text;

namespace GovOpenness.Domain.Text;

/// <summary>
/// Normalizations that make the many renderings of one document compare equal: full-width digits,
/// letters and brackets as copied from PDFs, and traditional characters as copied by mirror sites.
/// </summary>
public static class ChineseText
{
    private static readonly Lazy<FrozenDictionary<char, char>> TraditionalToSimplified = new(LoadTraditionalMap);

    /// <summary>
    /// Folds full-width ASCII (digits, letters, punctuation such as （）：) to half-width and the
    /// ideographic space to a plain space. Chinese punctuation without an ASCII twin (、。“”《》〔〕) is kept.
    /// </summary>
    public static string FoldWidth(string text)
    {
        if (!text.Any(c => c is >= '\uFF01' and <= '\uFF5E' or '\u3000'))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3000' => ' ',
                _ => c,
            });
        }

        return builder.ToString();
    }

    /// <summary>Maps traditional characters to simplified ones, one character at a time.</summary>
    public static string ToSimplified(string text)
    {
        var map = TraditionalToSimplified.Value;
        var index = IndexOfTraditional(text, map);
        if (index < 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = index; i < chars.Length; i++)
        {
            if (map.TryGetValue(chars[i], out var simplified))
            {
                chars[i] = simplified;
            }
        }

        return new string(chars);
    }

    /// <summary>Whether the text has any traditional character that the simplified script writes differently.</summary>
    public static bool HasTraditional(string text) => IndexOfTraditional(text, TraditionalToSimplified.Value) >= 0;

    /// <summary>Width folding and simplification together: the form used for matching.</summary>
    public static string Normalize(string text) => ToSimplified(FoldWidth(text));

    private static int IndexOfTraditional(string text, FrozenDictionary<char, char> map)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (map.ContainsKey(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static FrozenDictionary<char, char> LoadTraditionalMap()
    {
        using var stream = typeof(ChineseText).Assembly.GetManifestResourceStream("text/ts-characters.tsv")
            ?? throw new InvalidOperationException("Embedded resource text/ts-characters.tsv is missing from GovOpenness.Domain.");
        using var reader = new StreamReader(stream);
        var map = new Dictionary<char, char>();
        while (reader.ReadLine() is { } line)
        {
            // Characters outside the Basic Multilingual Plane are rare in official documents; skip them.
            if (line.Length == 3 && line[1] == '\t')
            {
                map.TryAdd(line[0], line[2]);
            }
        }

        return map.ToFrozenDictionary();
    }
}
