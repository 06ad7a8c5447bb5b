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

    /// <summary>
    /// A body down to the given depth. Villages are not shipped by name (37 MB): the n-th village
    /// committee of a township is "{township code}{n:000}", named after its township, as the simulation
    /// numbers them (<c>SimulationHierarchy</c>).
    /// </summary>
    public Body? Find(string id, HierarchyDepth depth)
    {
        if (depth == HierarchyDepth.Township || id.Length != 12)
        {
            return Find(id);
        }

        var township = id[..9];
        return int.TryParse(id.AsSpan(9), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && n >= 1 && n <= VillageCount(township) && Find(township) is { } parent
            ? new Body(id, string.Create(CultureInfo.InvariantCulture, $"{parent.Name}第{n}村（居）委会"), township, BodyLevel.Village)
            : null;
    }

    /// <summary>The children of a body down to the given depth (a township's villages with <see cref="HierarchyDepth.Village"/>).</summary>
    public IReadOnlyList<string> ChildrenOf(string id, HierarchyDepth depth)
    {
        if (depth == HierarchyDepth.Township || id.Length != 9)
        {
            return ChildrenOf(id);
        }

        var villages = new string[VillageCount(id)];
        for (var i = 0; i < villages.Length; i++)
        {
            villages[i] = string.Create(CultureInfo.InvariantCulture, $"{id}{i + 1:000}");
        }

        return villages;
    }

    /// <summary>How many bodies the hierarchy holds down to the given depth, the State Council included.</summary>
    public int CountAt(HierarchyDepth depth) => depth == HierarchyDepth.Village ? Count + TotalVillages : Count;

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
