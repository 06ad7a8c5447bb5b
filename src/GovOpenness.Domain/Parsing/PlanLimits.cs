namespace GovOpenness.Domain.Parsing;

/// <summary>
/// Hard limits on what the parser accepts. A work plan is 10–100 KB of text; 5 MB leaves room for
/// plans with long attachments while refusing, at once and without reading it, anything far larger.
/// </summary>
public static class PlanLimits
{
    /// <summary>The largest document accepted, in bytes (files) and in characters (text): 5 MB.</summary>
    public const int MaxDocumentSize = 5 * 1024 * 1024;

    /// <summary>The limit as people read it, for messages.</summary>
    public const string MaxDocumentSizeText = "5 MB";

    /// <summary>
    /// The most items one plan may have: real plans have 20–100, task tables a few hundred rows. Past
    /// this the input is a generated or corrupt file, and reading it on would only cost memory.
    /// </summary>
    public const int MaxItems = 5000;

    internal static void CheckItemCount(int count, int line)
    {
        if (count > MaxItems)
        {
            throw new Plans.PlanParseException($"第 {line} 行：条目超过 {MaxItems} 个，不像是一份工作要点（通常不超过几百个条目）。", line);
        }
    }
}
