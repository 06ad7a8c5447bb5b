using System.Text.Json.Serialization;

namespace GovOpenness.Domain.Progress;

/// <summary>
/// The additive figures of a summary or a delta (<see cref="SummaryFigure"/>): an immutable vector
/// of 64-bit integers. Integers keep sums exact, so adding deltas in any grouping gives the same
/// result. JSON: an object with one camelCase property per figure, zeros included.
/// </summary>
[JsonConverter(typeof(SummaryCountsJsonConverter))]
public sealed class SummaryCounts : IEquatable<SummaryCounts>
{
    /// <summary>How many figures there are.</summary>
    public static readonly int Length = Enum.GetValues<SummaryFigure>().Length;

    public static SummaryCounts Zero { get; } = new(new long[Length]);

    private readonly long[] _values;

    private SummaryCounts(long[] values) => _values = values;

    /// <summary>Counts from values indexed by <see cref="SummaryFigure"/>; shorter input is padded
    /// with zeros (an older peer that knew fewer figures).</summary>
    public static SummaryCounts From(ReadOnlySpan<long> values)
    {
        var copy = new long[Length];
        values[..Math.Min(values.Length, Length)].CopyTo(copy);
        return new SummaryCounts(copy);
    }

    public long this[SummaryFigure figure] => _values[(int)figure];

    public ReadOnlySpan<long> Values => _values;

    public bool IsZero => Array.TrueForAll(_values, v => v == 0);

    public long Bodies => this[SummaryFigure.Bodies];
    public long Items => this[SummaryFigure.Items];
    public long ItemsOverdue => this[SummaryFigure.ItemsOverdue];
    public long ItemsDueSoon => this[SummaryFigure.ItemsDueSoon];
    public long ItemsClosed => this[SummaryFigure.ItemsClosed];
    public long ItemsReported => this[SummaryFigure.ItemsReported];

    public SummaryCounts Add(SummaryCounts other) => Combine(other, 1);

    public SummaryCounts Subtract(SummaryCounts other) => Combine(other, -1);

    public SummaryCounts Negate() => Zero.Subtract(this);

    /// <summary>Adds these counts into an accumulator indexed by <see cref="SummaryFigure"/>.</summary>
    public void AddTo(Span<long> accumulator, int sign = 1)
    {
        for (var i = 0; i < _values.Length; i++)
        {
            accumulator[i] += sign * _values[i];
        }
    }

    private SummaryCounts Combine(SummaryCounts other, int sign)
    {
        ArgumentNullException.ThrowIfNull(other);
        var result = new long[Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = _values[i] + (sign * other._values[i]);
        }

        return new SummaryCounts(result);
    }

    public bool Equals(SummaryCounts? other) => other is not null && _values.AsSpan().SequenceEqual(other._values);

    public override bool Equals(object? obj) => Equals(obj as SummaryCounts);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_values.AsSpan()));
        return hash.ToHashCode();
    }

    public override string ToString() =>
        string.Join(", ", Enum.GetValues<SummaryFigure>().Where(f => this[f] != 0).Select(f => $"{f}={this[f]}"));
}
