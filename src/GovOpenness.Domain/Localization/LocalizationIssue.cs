namespace GovOpenness.Domain.Localization;

/// <summary>A problem with a body's changes, in Chinese, naming the item.</summary>
/// <param name="Severity">Whether it blocks publishing.</param>
/// <param name="Code">A stable machine-readable code, e.g. "deadline-later-than-parent".</param>
/// <param name="Message">The explanation in Chinese.</param>
/// <param name="ItemId">The item concerned, when there is one.</param>
public sealed record LocalizationIssue(IssueSeverity Severity, string Code, string Message, string? ItemId = null)
{
    public static LocalizationIssue Error(string code, string message, string? itemId = null) =>
        new(IssueSeverity.Error, code, message, itemId);

    public static LocalizationIssue Warning(string code, string message, string? itemId = null) =>
        new(IssueSeverity.Warning, code, message, itemId);
}
