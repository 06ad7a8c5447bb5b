using System.Collections.Frozen;
using System.Globalization;
using System.IO.Compression;

namespace GovOpenness.Domain.Hierarchy;

/// <summary>
/// China's real hierarchy of governments from the State Council down to townships (vendored, see
/// Hierarchy/Data/README.md), with village counts per township. Read once, shared, immutable.
/// </summary>
public sealed class DivisionCatalog
{
    private readonly FrozenDictionary<string, Body> _bodies;
    private readonly FrozenDictionary<string, string[]> _children;
    private readonly FrozenDictionary<string, int> _villageCounts;

    private DivisionCatalog(List<Body> bodies, Dictionary<string, int> villageCounts)
    {
        _bodies = bodies.ToFrozenDictionary(b => b.Id, StringComparer.Ordinal);
        _children = bodies
            .Where(b => b.ParentId is not null)
            .GroupBy(b => b.ParentId!, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(b => b.Id).ToArray(), StringComparer.Ordinal);
        _villageCounts = villageCounts.ToFrozenDictionary(StringComparer.Ordinal);
        InTopDownOrder = [.. bodies.OrderBy(b => b.Level).ThenBy(b => b.Id, StringComparer.Ordinal)];
    }

    private static readonly Lazy<DivisionCatalog> Embedded = new(LoadEmbedded);

    /// <summary>The vendored national hierarchy (44,695 bodies with the State Council).</summary>
    public static DivisionCatalog China => Embedded.Value;

    /// <summary>All bodies, every parent before its children.</summary>
    public IReadOnlyList<Body> InTopDownOrder { get; }

    public int Count => _bodies.Count;

    public Body? Find(string id) => _bodies.GetValueOrDefault(id);

    public IReadOnlyList<string> ChildrenOf(string id) => _children.TryGetValue(id, out var c) ? c : [];

    /// <summary>Village committees (村/居委会) under a township, 0 when unknown.</summary>
    public int VillageCount(string townshipId) => _villageCounts.GetValueOrDefault(townshipId);

    public int TotalVillages => _villageCounts.Values.Sum();

    /// <summary>The chain of ancestors from the body's parent up to the State Council.</summary>
    public IEnumerable<Body> AncestorsOf(string id)
    {
        var current = Find(id);
        while (current?.ParentId is { } parentId && Find(parentId) is { } parent)
        {
            yield return parent;
            current = parent;
        }
    }

    private static DivisionCatalog LoadEmbedded()
    {
        var bodies = new List<Body>(45_000) { new(BodyId.Nation, "国务院", null, BodyLevel.Nation) };
        foreach (var fields in ReadTsv("divisions/divisions.tsv.gz"))
        {
            BodyId.TryGetLevel(fields[0], out var level, out _);
            bodies.Add(new Body(fields[0], fields[1], fields[2], level));
        }

        var villages = ReadTsv("divisions/village-counts.tsv.gz")
            .ToDictionary(f => f[0], f => int.Parse(f[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
        return new DivisionCatalog(bodies, villages);
    }

    /// <summary>Rows of one of the vendored, gzipped TSV resources (Hierarchy/Data).</summary>
    internal static IEnumerable<string[]> ReadTsv(string resource)
    {
        using var stream = typeof(DivisionCatalog).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource {resource} is missing from GovOpenness.Domain.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                yield return line.Split('\t');
            }
        }
    }
}
