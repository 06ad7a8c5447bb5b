using System.Text.Json;

namespace GovOpenness.LiveBenchmark;

/// <summary>A summary as a viewer receives it from /hubs/cascade, every field read (the baseline hub sends the same shape).</summary>
public sealed record PushedSummary(string BodyId, string? ParentId, int Year, JsonElement Compact, double PushedAt, double SentAt, long Epoch, long Sequence);
