namespace GovOpenness.Grains.State;

/// <summary>
/// The hot, persisted progress of one body for one year: its own items (as the domain's JSON, so the
/// stored shape is the domain's documented one) and the children that ever sent a delta. The roll-up
/// itself is soft state: on activation it is rebuilt by pulling a full delta from those children.
/// </summary>
public sealed class ProgressRecord
{
    /// <summary><c>BodyProgress</c> in <c>LocalizationJson</c>; null until the first update.</summary>
    public string? ProgressJson { get; set; }

    /// <summary>Children whose subtree summaries this body holds (pulled again after a restart).</summary>
    public List<string> Children { get; set; } = [];
}
