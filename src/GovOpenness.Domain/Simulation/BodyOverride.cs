using GovOpenness.Domain.Localization;

namespace GovOpenness.Domain.Simulation;

/// <summary>
/// What one named body did differently from its level, e.g. 孝义市 issuing on 2022-07-14, 79 days
/// after the province.
/// </summary>
/// <param name="BodyId">The body's code, e.g. "141181".</param>
/// <param name="IssueDate">Its real issue date (never earlier than its receipt).</param>
/// <param name="Deadline">Its own deadline rule (a localization policy) instead of its level's.</param>
public sealed record BodyOverride(string BodyId, DateOnly? IssueDate, DeadlinePolicy? Deadline);
