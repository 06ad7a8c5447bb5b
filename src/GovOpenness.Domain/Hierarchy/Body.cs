namespace GovOpenness.Domain.Hierarchy;

/// <summary>An administrative body: a government at some level, or one of its departments.</summary>
/// <param name="Id">See <see cref="BodyId"/>.</param>
/// <param name="Name">Its name, e.g. "孝义市".</param>
/// <param name="ParentId">The body it receives plans from; null only for the State Council.</param>
/// <param name="Level">Its level.</param>
public sealed record Body(string Id, string Name, string? ParentId, BodyLevel Level);
