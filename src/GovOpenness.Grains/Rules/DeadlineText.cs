using System.Globalization;

namespace GovOpenness.Grains.Rules;

/// <summary>Formats dates and units the way the API shows them.</summary>
internal static class DeadlineText
{
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string JoinUnits(IReadOnlyList<string> units) => string.Join("、", units);
}
