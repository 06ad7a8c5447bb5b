namespace GovOpenness.Server.Desk;

/// <summary>The supervisor's desk (configuration section "GovOpenness:Desk").</summary>
public sealed class DeskOptions
{
    public const string Section = "GovOpenness:Desk";

    /// <summary>
    /// A past-day recount reads at most this many bodies' records at once: a larger subtree is recounted
    /// child subtree by child subtree (level by level where a child is still larger) and the parts combined,
    /// so the country (45,000 bodies, 665,000 with villages) is recounted without holding it all.
    /// </summary>
    public int RecountBatchBodies { get; set; } = 5_000;

    /// <summary>Child subtrees recounted at the same time (each reading its own batch).</summary>
    public int RecountPartsAtOnce { get; set; } = 2;
}
