namespace GovOpenness.Domain.Parsing;

/// <summary>Reads Chinese numerals as documents write them in dates and years: "二十六", "二〇二二".</summary>
internal static class NumeralText
{
    private const string Digits = "〇一二三四五六七八九";

    /// <summary>Digits or Chinese numerals ("26", "二十六", "二〇二二", "十二") as a number; null if neither.</summary>
    public static int? Parse(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (text.All(char.IsAsciiDigit))
        {
            return text.Length <= 9 ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : null;
        }

        if (!text.Contains('十') && !text.Contains('百'))
        {
            // Digit by digit: "二〇二二", "二○二二".
            var value = 0;
            foreach (var c in text)
            {
                var d = DigitOf(c);
                if (d < 0 || value > 100_000_000)
                {
                    return null;
                }

                value = (value * 10) + d;
            }

            return value;
        }

        var total = 0;
        var current = 0;
        foreach (var c in text)
        {
            switch (c)
            {
                case '百':
                    total += (current == 0 ? 1 : current) * 100;
                    current = 0;
                    break;
                case '十':
                    total += (current == 0 ? 1 : current) * 10;
                    current = 0;
                    break;
                default:
                    var d = DigitOf(c);
                    if (d < 0)
                    {
                        return null;
                    }

                    current = d;
                    break;
            }
        }

        return total + current;
    }

    private static int DigitOf(char c) => c switch
    {
        '零' or '○' or 'Ｏ' or 'O' => 0,
        _ => Digits.IndexOf(c),
    };

    /// <summary>1 → "一", 12 → "十二", 21 → "二十一" (up to 99; larger numbers stay in digits).</summary>
    public static string Format(int n)
    {
        if (n is < 1 or > 99)
        {
            return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var tens = n / 10;
        var ones = n % 10;
        var head = tens switch
        {
            0 => string.Empty,
            1 => "十",
            _ => $"{Digits[tens]}十",
        };
        return ones == 0 ? head : head + Digits[ones];
    }
}
