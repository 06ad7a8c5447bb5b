namespace GovOpenness.Domain.Hierarchy.Search;

/// <summary>One search result: the body, how it matched, and its path from the State Council down.</summary>
/// <param name="Body">The body found.</param>
/// <param name="MatchedBy">What matched: name, code or pinyin initials.</param>
/// <param name="Tier">0 exact, 1 starts with the query, 2 contains it: results are ordered by it first.</param>
/// <param name="Path">Every body from the State Council (cn) down to and including <paramref name="Body"/>,
/// so a viewer can open the tree to it.</param>
public sealed record BodyMatch(Body Body, BodyMatchKind MatchedBy, int Tier, IReadOnlyList<Body> Path);
