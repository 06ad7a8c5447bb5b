namespace GovOpenness.Domain.Parsing;

/// <summary>
/// The width at which a PDF copy broke its lines, if it did: 001 breaks nearly every line at 28–30
/// characters. A label line that long is a paragraph cut by layout, not a title line.
/// </summary>
internal static class WrapWidth
{
    private const int MinLines = 8;
    private const int MinLineLength = 12;

    /// <summary>The most common line length (±1) when at least 40% of the body's lines have it; else null.</summary>
    public static int? Detect(IReadOnlyList<SourceLine> lines, int start, int end)
    {
        var counts = new Dictionary<int, int>();
        var total = 0;
        for (var i = start; i < end; i++)
        {
            var length = lines[i].Text.Length;
            if (lines[i].HasContent && length >= MinLineLength)
            {
                counts[length] = counts.GetValueOrDefault(length) + 1;
                total++;
            }
        }

        if (total < MinLines)
        {
            return null;
        }

        int? best = null;
        var bestCount = 0;
        foreach (var length in counts.Keys)
        {
            var window = counts.GetValueOrDefault(length - 1) + counts[length] + counts.GetValueOrDefault(length + 1);
            if (window > bestCount || (window == bestCount && length < best))
            {
                best = length;
                bestCount = window;
            }
        }

        return bestCount * 10 >= total * 4 ? best : null;
    }
}
