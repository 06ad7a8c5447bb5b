namespace GovOpenness.Domain.Localization.Samples;

/// <summary>One body's plan in the materialized sample cascade.</summary>
/// <param name="BodyId">The body.</param>
/// <param name="Plan">The plan it publishes to its children.</param>
/// <param name="Localization">How it localized its parent's plan; null for a root plan.</param>
/// <param name="Effective">Its effective plan, with origins; null for a root plan.</param>
public sealed record SamplePublication(string BodyId, PublishedPlan Plan, PlanLocalization? Localization, LocalizedPlan? Effective);
