using System.Text;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Parsing;

/// <summary>An item while the document is being read: its text grows line by line.</summary>
internal sealed partial class ItemDraft(string id, IReadOnlyList<string> path, int line)
{
    private readonly StringBuilder text = new();

    public string Id { get; } = id;

    public IReadOnlyList<string> Path { get; } = path;

    public int Line { get; } = line;

    /// <summary>The heading; null until known when it is the text's first sentence.</summary>
    public string? Heading { get; set; }

    /// <summary>Whether the heading stands on a line of its own, outside <see cref="Text"/>.</summary>
    public bool HeadingIsTitleLine { get; set; }

    public int ChildCount { get; set; }

    public List<string> Units { get; } = [];

    /// <summary>The units that lead (牵头, 负责) or answer for the item, from a table or a role phrase.</summary>
    public List<string> Lead { get; } = [];

    /// <summary>The units that cooperate (配合, 协办).</summary>
    public List<string> Cooperating { get; } = [];

    /// <summary>Deadlines from outside the text (a task table's time-limit column).</summary>
    public List<Deadline> ExtraDeadlines { get; } = [];

    /// <summary>Deadline phrases read from outside the text, to be extracted with the item's own.</summary>
    public List<string> ExtraDeadlineText { get; } = [];

    public string Text => text.ToString();

    public bool HasText => text.Length > 0;

    /// <summary>
    /// Appends a line. Lines broken inside a sentence (PDF copies break every ~30 characters) are joined
    /// without a gap; after a sentence's end the next line starts a new paragraph.
    /// </summary>
    public void Append(string line)
    {
        if (line.Length == 0)
        {
            return;
        }

        if (text.Length > 0 && EndsSentence(text[^1]))
        {
            text.Append('\n');
        }

        text.Append(line);
    }

    /// <summary>
    /// Drops the trailing paragraphs <paramref name="isClosing"/> recognizes (the closing words after the
    /// last item: "本要点落实情况要纳入…"), which belong to no item.
    /// </summary>
    public void DropClosingParagraphs(Func<string, bool> isClosing)
    {
        var all = text.ToString();
        var cut = ClosingSentence().Match(GovOpenness.Domain.Text.ChineseText.Normalize(all));
        if (cut.Success)
        {
            // "…（责任单位：县财政局）本要点落实情况要纳入…": a sentence about the whole plan, joined to the last item's line.
            text.Clear().Append(all[..cut.Index].TrimEnd());
        }

        var paragraphs = text.ToString().Split('\n').ToList();
        var keep = paragraphs.Count;
        while (keep > 1 && isClosing(paragraphs[keep - 1]))
        {
            keep--;
        }

        if (keep < paragraphs.Count)
        {
            text.Clear().Append(string.Join('\n', paragraphs.Take(keep)));
        }
    }

    private static bool EndsSentence(char c) => c is '。' or '！' or '!' or '？' or '?' or '；' or ';' or '：' or ':' or '.' or '．';

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=[。)\n])\s*本(?:要点|方案|清单|计划|通知|台账|分工方案)(?:的)?(?:落实|执行|贯彻|各项|所列|任务|工作|未尽)")]
    private static partial System.Text.RegularExpressions.Regex ClosingSentence();
}
