namespace GovOpenness.Domain.Alignment;

/// <summary>One clause of an item: its distinct grams with IDF weights, and its length as its weight in the item.</summary>
internal sealed record Clause(int[] Ids, float[] Idf, float TotalIdf, int Length);
