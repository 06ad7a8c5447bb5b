namespace GovOpenness.Domain.Localization.Samples;

/// <summary>A plan published from a real document: a root of the sample cascade.</summary>
/// <param name="BodyId">The publishing body.</param>
/// <param name="Year">The plan's year.</param>
/// <param name="Document">The document's file name in samples/documents.</param>
/// <param name="Text">The document's text, as the parser takes it.</param>
public sealed record SamplePlan(string BodyId, int Year, string Document, string Text);
