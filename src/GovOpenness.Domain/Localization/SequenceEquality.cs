using System.Collections.Immutable;

namespace GovOpenness.Domain.Localization;

/// <summary>
/// Value equality for the immutable arrays inside records: ImmutableArray compares by reference, which
/// would make two identical change lists unequal (and a retried, identical localization look new).
/// </summary>
internal static class SequenceEquality
{
    public static bool Equal<T>(ImmutableArray<T> a, ImmutableArray<T> b) =>
        (a.IsDefaultOrEmpty && b.IsDefaultOrEmpty) || (!a.IsDefault && !b.IsDefault && a.SequenceEqual(b));

    public static int Hash<T>(ImmutableArray<T> items)
    {
        var hash = new HashCode();
        foreach (var item in items.IsDefault ? [] : items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }
}
