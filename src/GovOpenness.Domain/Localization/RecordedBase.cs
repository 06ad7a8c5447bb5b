using System.Collections.Immutable;

namespace GovOpenness.Domain.Localization;

/// <summary>
/// A change with the parent's values it replaced, recorded when the change was made. Stored next to the
/// change, these values are the merge base of a three-way merge after a parent revision, so the parent's
/// old plan version need not be kept (see <see cref="BaseValueMerge"/>).
/// </summary>
/// <param name="Change">The body's change.</param>
/// <param name="Units">The parent's units the change replaced (for <see cref="SetUnits"/>).</param>
/// <param name="Heading">The parent's heading the change replaced (for a <see cref="Reword"/> of the heading).</param>
/// <param name="Text">The parent's text the change replaced (for a <see cref="Reword"/> of the text).</param>
public sealed record RecordedBase(
    LocalizationChange Change,
    ImmutableArray<string>? Units = null,
    string? Heading = null,
    string? Text = null);
