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
}
