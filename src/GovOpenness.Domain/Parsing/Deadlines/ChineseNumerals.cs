namespace GovOpenness.Domain.Parsing.Deadlines;

/// <summary>
/// Reads the small numbers that date phrases use, written in Arabic digits ("11") or Chinese numerals
/// ("十一", "二十", "二〇二二"). Width folding has already turned full-width digits into ASCII.
/// </summary>
internal static class ChineseNumerals
{
    /// <summary>The value, or -1 when the text is not a number this reader understands (e.g. "十十").</summary>
    public static int Parse(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return -1;
        }

        if (text[0] is >= '0' and <= '9')
        {
            return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : -1;
        }

        if (text is "元")
        {
            return 1; // 元月: the first month.
        }

        var hundred = text.IndexOf('百');
        if (hundred >= 0)
        {
            var high = hundred == 0 ? 1 : Digit(text[..hundred]);
            var rest = text[(hundred + 1)..];
            var low = rest.IsEmpty ? 0 : ParseBelowHundred(rest.TrimStart("零〇"));
            return high < 0 || low < 0 ? -1 : (high * 100) + low;
        }

        return ParseBelowHundred(text);
    }

    private static int ParseBelowHundred(ReadOnlySpan<char> text)
    {
        var ten = text.IndexOf('十');
        if (ten < 0)
        {
            // Digit by digit, as years are written ("二〇二二"); a single digit is just its value.
            var value = 0;
            foreach (var c in text)
            {
                var digit = DigitValue(c);
                if (digit < 0)
                {
                    return -1;
                }

                value = (value * 10) + digit;
            }

            return value;
        }

        var tens = ten == 0 ? 1 : Digit(text[..ten]);
        var units = ten == text.Length - 1 ? 0 : Digit(text[(ten + 1)..]);
        return tens < 0 || units < 0 ? -1 : (tens * 10) + units;
    }

    private static int Digit(ReadOnlySpan<char> text) => text.Length == 1 ? DigitValue(text[0]) : -1;

    private static int DigitValue(char c) => c switch
    {
        '〇' or '零' => 0,
        '一' => 1,
        '二' or '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        >= '0' and <= '9' => c - '0',
        _ => -1,
    };
}
