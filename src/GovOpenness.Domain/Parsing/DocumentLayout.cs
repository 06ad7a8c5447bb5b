namespace GovOpenness.Domain.Parsing;

/// <summary>
/// Where the parts of a document lie: the covering notice and red header before the title, the plan's
/// body (preamble and numbered items), and what follows it (signature, 抄送/印发 footer, attachments).
/// </summary>
/// <param name="Title">The plan's title, when one was found.</param>
/// <param name="BodyStart">Index of the first line after the title (or after the notice's date).</param>
/// <param name="BodyEnd">Index of the first line after the body (exclusive end).</param>
internal sealed record DocumentLayout(PlanTitle? Title, int BodyStart, int BodyEnd)
{
    public static DocumentLayout Locate(IReadOnlyList<SourceLine> lines, int firstTable)
    {
        var title = TitleFinder.Find(lines, firstTable);
        var bodyStart = title is not null ? title.LastLine + 1 : AfterHeaderDate(lines, firstTable);
        return new DocumentLayout(title, bodyStart, FindBodyEnd(lines, bodyStart, firstTable));
    }

    /// <summary>Without a title, the body starts after the covering notice's signing date, if there is one before any item.</summary>
    private static int AfterHeaderDate(IReadOnlyList<SourceLine> lines, int stopAt)
    {
        for (var i = 0; i < stopAt; i++)
        {
            var line = lines[i];
            if (!line.HasContent)
            {
                continue;
            }

            if (line.Label is { Style: not HeadingStyle.ArabicDot })
            {
                return 0;
            }

            var compact = line.Compact;
            if (DocumentPatterns.DateLine(compact).Success || DocumentPatterns.IssuerAndDateLine(compact).Success)
            {
                return i + 1;
            }
        }

        return 0;
    }

    private static int FindBodyEnd(IReadOnlyList<SourceLine> lines, int bodyStart, int stopAt)
    {
        var seenItem = false;
        var lastContent = -1;
        for (var i = bodyStart; i < stopAt; i++)
        {
            var line = lines[i];
            if (!line.HasContent)
            {
                continue;
            }

            if (line.Label is not null)
            {
                seenItem = true;
                lastContent = -1;
                continue;
            }

            var compact = line.Compact;
            if (seenItem && DocumentPatterns.IsBodyEnd(compact))
            {
                return i;
            }

            if (seenItem && (DocumentPatterns.DateLine(compact).Success || DocumentPatterns.IssuerAndDateLine(compact).Success))
            {
                // The signature under a plan issued without a covering notice: the office's name, then the date.
                return lastContent >= 0 && DocumentPatterns.LooksLikeIssuer(lines[lastContent].Compact)
                    ? lastContent
                    : i;
            }

            lastContent = i;
        }

        return stopAt;
    }
}
