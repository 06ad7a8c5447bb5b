using System.Text;
using System.Text.RegularExpressions;

namespace GovOpenness.Domain.Parsing;

/// <summary>
/// Finds the plan's title: the first group of short, unpunctuated lines naming a plan (要点, 方案, 分工…)
/// that is not the covering notice's title (…的通知), before the plan's numbered structure begins.
/// Lines such as the red header (…文件), the document number, the signing date, "（此件公开发布）" and
/// "附件1" separate groups, so the issuer line above a date never joins the title.
/// </summary>
internal static partial class TitleFinder
{
    private const int MaxGroupLines = 4;

    public static PlanTitle? Find(IReadOnlyList<SourceLine> lines, int stopAt)
        => Scan(lines, 0, stopAt) ?? FindInAttachment(lines, stopAt);

    /// <summary>
    /// A covering notice with numbered requirements of its own ("现将有关事项通知如下：一、…") carries the
    /// plan as an attachment: "附件" (or "附件1") on a line of its own, the plan's title right below.
    /// </summary>
    private static PlanTitle? FindInAttachment(IReadOnlyList<SourceLine> lines, int stopAt)
    {
        if (!lines.Take(Math.Min(stopAt, 40)).Any(l => l.Compact.Contains("关于印发", StringComparison.Ordinal)))
        {
            return null;
        }

        for (var i = 0; i < stopAt; i++)
        {
            if (lines[i].HasContent && AttachmentMark().IsMatch(lines[i].Compact)
                && Scan(lines, i + 1, stopAt) is { } title && title.FirstLine <= NextContent(lines, i + 1, stopAt))
            {
                return title;
            }
        }

        return null;
    }

    private static int NextContent(IReadOnlyList<SourceLine> lines, int from, int stopAt)
    {
        for (var i = from; i < stopAt; i++)
        {
            if (lines[i].HasContent)
            {
                return i;
            }
        }

        return stopAt;
    }

    private static PlanTitle? Scan(IReadOnlyList<SourceLine> lines, int from, int stopAt)
    {
        var group = new List<int>();
        var inAttachmentList = false;
        for (var i = from; i < stopAt; i++)
        {
            var line = lines[i];
            if (line.Text.Length == 0)
            {
                continue;
            }

            var compact = line.Compact;
            var label = line.Label;
            if (compact.StartsWith("附件", StringComparison.Ordinal))
            {
                inAttachmentList = true;
            }
            else if (label is { Style: HeadingStyle.ArabicDot } && inAttachmentList)
            {
                // "附件：1.…要点 / 2.…分工" lists the attachments inside the covering notice.
            }
            else if (label is not null)
            {
                return Evaluate(lines, group);
            }
            else
            {
                inAttachmentList = false;
            }

            if (label is null && IsTitleLike(line, compact))
            {
                group.Add(i);
                if (group.Count > MaxGroupLines)
                {
                    group.RemoveAt(0);
                }

                continue;
            }

            if (Evaluate(lines, group) is { } title)
            {
                return title;
            }

            group.Clear();
        }

        return Evaluate(lines, group);
    }

    private static PlanTitle? Evaluate(IReadOnlyList<SourceLine> lines, List<int> group)
    {
        if (group.Count == 0)
        {
            return null;
        }

        var joined = string.Concat(group.Select(i => lines[i].Compact));
        if (joined.Contains("通知", StringComparison.Ordinal) || joined.Contains("关于印发", StringComparison.Ordinal))
        {
            return null;
        }

        var keyLine = group.FindIndex(i => Keyword().IsMatch(lines[i].Norm));
        if (keyLine < 0)
        {
            return null;
        }

        // A title wrapped over lines continues with a fragment ("2022 年政务公开工作要点", "工作要点");
        // a line that starts afresh with a name is a title of its own, and what stands above it is not part of it.
        var first = keyLine;
        while (first > 0 && Continuation().IsMatch(lines[group[first]].Compact))
        {
            first--;
        }

        var text = new StringBuilder();
        for (var k = first; k <= keyLine; k++)
        {
            foreach (var c in lines[group[k]].Text)
            {
                if (!char.IsWhiteSpace(c))
                {
                    text.Append(c);
                }
            }
        }

        return new PlanTitle(text.ToString(), group[first], group[keyLine]);
    }

    private static bool IsTitleLike(SourceLine line, string compact)
    {
        if (line.IsNoise || compact.Length is < 4 or > 60 || compact.Any(IsTitleBreaker))
        {
            return false;
        }

        return !compact.EndsWith("文件", StringComparison.Ordinal)
            && !compact.StartsWith("附件", StringComparison.Ordinal)
            && !compact.StartsWith("附表", StringComparison.Ordinal)
            && !compact.StartsWith('(')
            && !DocumentPatterns.DateLine(compact).Success
            && !DocumentPatterns.IssuerAndDateLine(compact).Success
            && !DocumentPatterns.DocNumber(compact).Success;
    }

    private static bool IsTitleBreaker(char c) => DocumentPatterns.IsSentencePunctuation(c) || c is '《' or '》' or '«' or '»' or '<' or '>' or '.' or '|' or '\t';

    [GeneratedRegex(@"^附件\d{0,2}[:：]?$")]
    private static partial Regex AttachmentMark();

    [GeneratedRegex("要点|方案|计划|分工|清单|台账|任务|安排")]
    private static partial Regex Keyword();

    [GeneratedRegex(@"^(?:\d|[〇○零一二三四五六七八九]{4}年|年|度|政务|公开|工作|要点|重点)")]
    private static partial Regex Continuation();
}
