namespace GovOpenness.Grains.Hosting;

/// <summary>Names of the grain storage providers the grains use.</summary>
public static class StorageNames
{
    /// <summary>Cold plan state: profiles, plans, outboxes.</summary>
    public const string Plans = "plans";
}
