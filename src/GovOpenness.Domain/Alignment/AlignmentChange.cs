namespace GovOpenness.Domain.Alignment;

/// <summary>
/// What a child did with the parent item(s) it carries out. A pair gets every kind that applies
/// (its flags) and one primary kind: the first that applies in the order declared here, which puts
/// what a supervisor must act on first (a loosened deadline is a violation, a tightened one is 层层加码),
/// then structure (merged, split), then the burden of named units, then wording.
/// </summary>
public enum AlignmentChange
{
    /// <summary>A deadline later than the parent allows: a violation (打折扣).</summary>
    DeadlineLoosened,

    /// <summary>A deadline earlier than the parent's, or one where the parent set none (层层加码).</summary>
    DeadlineTightened,

    /// <summary>The child item carries several parent items.</summary>
    Merged,

    /// <summary>The parent item is carried by several child items, this one among them.</summary>
    Split,

    /// <summary>The child names responsible units the parent did not.</summary>
    UnitsAdded,

    /// <summary>The child carries the parent's sentence but leaves its deadline out.</summary>
    DeadlineRemoved,

    /// <summary>Same task, different wording.</summary>
    Reworded,

    /// <summary>Carried over with (almost) the same wording.</summary>
    Unchanged,
}
