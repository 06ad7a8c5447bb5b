using System.Text;
using System.Text.RegularExpressions;
using GovOpenness.Domain.Parsing.Deadlines;
using GovOpenness.Domain.Plans;
using GovOpenness.Domain.Text;

namespace GovOpenness.Domain.Parsing;

/// <summary>
/// Finds and normalizes every deadline phrase in an item's text. The phrases understood and how each
/// is normalized are listed in DEADLINES.md next to this file: that table is the contract.
/// </summary>
public static class DeadlineExtractor
{
    // Each rule with the words one of which every match contains: a rule whose words are all absent
    // is skipped without running its expression (most item texts hold no deadline at all).
    private static readonly DeadlineRule[] Rules =
    [
        new(DeadlinePatterns.Month(), ["月"], DateRules.FromMonth),
        new(DeadlinePatterns.MonthAlone(), ["月"], DateRules.FromMonth),
        new(DeadlinePatterns.DateAlone(), ["日", "号"], DateRules.FromMonth),
        new(DeadlinePatterns.Quarter(), ["季度"], DateRules.FromQuarter),
        new(DeadlinePatterns.HalfYear(), ["半年"], DateRules.FromHalfYear),
        new(DeadlinePatterns.YearEnd(), ["底", "末"], DateRules.FromYearEnd),
        new(DeadlinePatterns.WithinYear(), ["年内", "年度内"], DateRules.FromWithinYear),
        new(DeadlinePatterns.NamedYear(), ["年"], DateRules.FromNamedYear),
        new(DeadlinePatterns.TargetYear(), ["到", "至"], DateRules.FromNamedYear),
        new(DeadlinePatterns.YearSpan(), ["年"], DateRules.FromNamedYear),
        new(DeadlinePatterns.WorkingDays(), ["工作日"], ReadWorkingDays, isDate: false),
        new(DeadlinePatterns.Ongoing(), ["持续", "长期", "常态化"], ReadOngoing, isDate: false),
        new(GenrePatterns.MonthRange(), ["月"], GenreRules.MonthRange),
        new(GenrePatterns.CalendarDays(), ["日", "天"], GenreRules.CalendarDays, isDate: false),
        new(GenrePatterns.Immediately(), ["即日"], GenreRules.Immediately, isDate: false),
        new(GenrePatterns.ThisMonth(), ["月"], GenreRules.ThisMonth, isDate: false),
        new(GenrePatterns.SpringFestival(), ["春节"], GenreRules.SpringFestivalEve, isDate: false),
        new(GenrePatterns.Frequency(), ["每"], GenreRules.Frequency, isDate: false),
    ];

    /// <summary>
    /// The deadlines <paramref name="text"/> states, in order, resolved against the plan's
    /// <paramref name="year"/> unless the text names one. Phrases that look like deadlines but give an
    /// impossible date ("13月底前", "2月30日") come back as warnings naming <paramref name="line"/>.
    /// </summary>
    /// <param name="text">The item's text, as written (full-width digits and traditional characters allowed).</param>
    /// <param name="year">The plan's year, used where a phrase names none.</param>
    /// <param name="line">The 1-based source line of the text's first character (0 when unknown); each line
    /// break inside <paramref name="text"/> advances it, so warnings name the line the phrase is on.</param>
    public static (IReadOnlyList<Deadline> Deadlines, IReadOnlyList<PlanWarning> Warnings) Extract(string text, int year, int line = 0)
    {
        if (string.IsNullOrEmpty(text))
        {
            return ([], []);
        }

        // Normalization maps one character to one, so indexes found in it slice the original text
        // (were that ever to change, the phrases would be quoted as normalized rather than fail).
        var normalized = ChineseText.Normalize(text);
        var source = normalized.Length == text.Length ? text : normalized;
        var candidates = new List<DeadlineCandidate>();
        foreach (var rule in Rules)
        {
            if (!rule.MayMatch(normalized))
            {
                continue;
            }

            // Match/NextMatch rather than Matches: a MatchCollection keeps every match alive to the end.
            for (var match = rule.Pattern.Match(normalized); match.Success; match = match.NextMatch())
            {
                var candidate = Trim(rule.Read(match, year), normalized);
                if (rule.IsDate && (AsOfDates.IsAsOf(normalized, candidate.Start) || PastNarration.IsPastNarration(candidate, normalized, year)))
                {
                    candidate = DeadlineCandidate.NotADeadline(candidate.Start, candidate.Length);
                }

                candidates.Add(candidate);
            }
        }

        return Resolve(candidates, source, line);
    }

    /// <summary>
    /// Keeps the earliest phrase where two overlap: the longer when they start together, and for the
    /// same extent a deadline over an impossible date over a plain date.
    /// </summary>
    private static (IReadOnlyList<Deadline>, IReadOnlyList<PlanWarning>) Resolve(List<DeadlineCandidate> candidates, string text, int line)
    {
        candidates.Sort(static (a, b) =>
            a.Start != b.Start ? a.Start.CompareTo(b.Start)
            : a.Length != b.Length ? b.Length.CompareTo(a.Length)
            : Rank(a).CompareTo(Rank(b)));
        var deadlines = new List<Deadline>();
        var warnings = new List<PlanWarning>();
        var claimedUpTo = 0;
        var linesBefore = 0;
        var countedUpTo = 0;
        foreach (var candidate in candidates)
        {
            if (candidate.Length == 0 || candidate.Start < claimedUpTo)
            {
                continue;
            }

            claimedUpTo = candidate.End;
            var phrase = OriginalText(text, candidate);
            if (candidate.Kind is { } kind)
            {
                deadlines.Add(new Deadline(phrase, kind, candidate.Date, candidate.Days));
            }
            else if (candidate.Problem is { } problem)
            {
                linesBefore += text.AsSpan(countedUpTo, candidate.Start - countedUpTo).Count('\n');
                countedUpTo = candidate.Start;
                int? at = line > 0 ? line + linesBefore : null;
                var where = at is null ? "" : $"第{at}行：";
                warnings.Add(new PlanWarning("invalid-date", $"{where}“{phrase}”{problem}，不是有效日期，未作为时限处理。", at));
            }
        }

        return (deadlines, warnings);
    }

    private static int Rank(DeadlineCandidate candidate) => candidate.Kind is not null ? 0 : candidate.Problem is not null ? 1 : 2;

    /// <summary>The phrase as written, without the line breaks a page layout put inside it.</summary>
    private static string OriginalText(string text, DeadlineCandidate candidate)
    {
        var slice = text.AsSpan(candidate.Start, candidate.Length);
        if (!slice.ContainsAny('\n', '\r'))
        {
            return slice.ToString();
        }

        var builder = new StringBuilder(slice.Length);
        foreach (var c in slice)
        {
            if (c is not ('\n' or '\r'))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static DeadlineCandidate Trim(DeadlineCandidate candidate, string normalized)
    {
        var start = candidate.Start;
        var end = candidate.End;
        while (start < end && char.IsWhiteSpace(normalized[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(normalized[end - 1]))
        {
            end--;
        }

        return candidate with { Start = start, Length = end - start };
    }

    private static DeadlineCandidate ReadWorkingDays(Match m, int planYear)
    {
        var days = ChineseNumerals.Parse(m.Groups["n"].ValueSpan);
        var (start, length) = PhraseMatch.Extent(m, isFrom: false);
        return days > 0
            ? new DeadlineCandidate(start, length, DeadlineKind.WorkingDays, Days: days)
            : DeadlineCandidate.Invalid(start, length, days == 0 ? "工作日数为0" : "工作日数无法识别");
    }

    private static DeadlineCandidate ReadOngoing(Match m, int planYear)
    {
        var phrase = m.Groups["p"];
        return new DeadlineCandidate(phrase.Index, phrase.Length, DeadlineKind.Ongoing);
    }
}
