using System.Text.RegularExpressions;

namespace GovOpenness.Domain.Parsing.Deadlines;

/// <summary>
/// One kind of deadline phrase: its expression, the words every match contains (a cheap test that
/// spares running the expression on texts without them), how a match becomes a candidate, and
/// whether it names a date (dates after "截至" are facts, not deadlines).
/// </summary>
internal sealed class DeadlineRule(Regex pattern, string[] anchors, Func<Match, int, DeadlineCandidate> read, bool isDate = true)
{
    public bool IsDate { get; } = isDate;

    public Regex Pattern { get; } = pattern;

    public Func<Match, int, DeadlineCandidate> Read { get; } = read;

    public bool MayMatch(string normalized)
    {
        foreach (var anchor in anchors)
        {
            if (normalized.Contains(anchor, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
