using System.Collections.Immutable;

namespace GovOpenness.Domain.Progress;

/// <summary>
/// A figure "opened": the parts it is the sum of. <c>{"bodyId":"1411","figure":"itemsOverdue","total":7,
/// "parts":[{"kind":"item","id":"2.3","value":1},{"kind":"child","id":"141181","value":6}]}</c>.
/// Parts with value 0 are left out; they always add up to the total.
/// </summary>
public sealed record FigureExplanation(string BodyId, SummaryFigure Figure, long Total, ImmutableArray<FigurePart> Parts);

/// <summary>One part of a figure: the body itself, one of its items, or a child's subtree.</summary>
public sealed record FigurePart(FigurePartKind Kind, string Id, long Value);
