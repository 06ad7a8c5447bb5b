using System.Collections.Immutable;

namespace GovOpenness.Domain.Localization.Samples;

/// <summary>Which parent items one item of a lower document carries out (checked by reading both).</summary>
/// <param name="Item">The lower document's item id (positional, as the parser numbers it).</param>
/// <param name="Label">Its label as printed, e.g. "（九）" (000 numbers its items across sections).</param>
/// <param name="Heading">Its heading.</param>
/// <param name="CarriesOut">The parent items it carries out; the first is the one whose wording it
/// replaces. Empty for an item of the body's own.</param>
/// <param name="Local">The local item id it was added as, for an item of the body's own.</param>
public sealed record SampleItemMapping(string Item, string Label, string Heading, ImmutableArray<string> CarriesOut, string? Local = null);
