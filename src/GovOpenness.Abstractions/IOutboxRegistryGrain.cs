namespace GovOpenness.Abstractions;

/// <summary>
/// The few bodies whose outbox holds a delivery not yet complete (publishers, not every body), so a
/// restarted cluster can resume them. Written twice per publication, never per child.
/// </summary>
[Alias("gov.IOutboxRegistryGrain")]
public interface IOutboxRegistryGrain : IGrainWithStringKey
{
    public const string Key = "pending";

    [Alias("Register")]
    Task RegisterAsync(string bodyId);

    [Alias("Complete")]
    Task CompleteAsync(string bodyId);

    /// <summary>Asks every registered body to resume its deliveries.</summary>
    [Alias("ResumeAll")]
    Task<int> ResumeAllAsync();
}
