using System.Globalization;
using GovOpenness.Domain.Hierarchy;

namespace GovOpenness.Domain.Simulation;

/// <summary>
/// The bodies of a simulation as flat arrays indexed by ordinal, in depth-first order: every parent
/// comes before its children and every subtree is one contiguous range, so the engine can simulate
/// the root's child subtrees in parallel without locks. Villages are synthesized from the township's
/// village count (ids "{township}{001…}") and exist only as numbers here: no object per body.
/// </summary>
public sealed class SimulationHierarchy
{
    private readonly DivisionCatalog _catalog;

    private SimulationHierarchy(DivisionCatalog catalog, long[] codes, byte[] levels, int[] parents, int[] subtreeSizes)
    {
        _catalog = catalog;
        Codes = codes;
        Levels = levels;
        Parents = parents;
        SubtreeSizes = subtreeSizes;
        var segments = new List<(int, int)>();
        for (var child = 1; child < codes.Length; child += subtreeSizes[child])
        {
            segments.Add((child, child + subtreeSizes[child]));
        }

        Segments = segments;
        var counts = new int[6];
        foreach (var level in levels)
        {
            counts[level]++;
        }

        CountByLevel = counts;
    }

    /// <summary>Numeric body codes: 0 for "cn", otherwise the division code.</summary>
    public long[] Codes { get; }

    /// <summary>The <see cref="BodyLevel"/> of each body.</summary>
    public byte[] Levels { get; }

    /// <summary>The parent's ordinal; -1 for the root.</summary>
    public int[] Parents { get; }

    /// <summary>Bodies in each body's subtree, itself included; its subtree is [i, i + size).</summary>
    public int[] SubtreeSizes { get; }

    /// <summary>The root's child subtrees as [start, end) ranges: independent units of parallel work.</summary>
    public IReadOnlyList<(int Start, int End)> Segments { get; }

    /// <summary>Bodies per <see cref="BodyLevel"/> (Nation…Village).</summary>
    public IReadOnlyList<int> CountByLevel { get; }

    public int Count => Codes.Length;

    public BodyLevel LevelOf(int ordinal) => (BodyLevel)Levels[ordinal];

    public string IdOf(int ordinal) => Codes[ordinal] == 0 ? BodyId.Nation : Codes[ordinal].ToString(CultureInfo.InvariantCulture);

    public string NameOf(int ordinal)
    {
        if (Levels[ordinal] != (byte)BodyLevel.Village)
        {
            return _catalog.Find(IdOf(ordinal))?.Name ?? IdOf(ordinal);
        }

        var township = _catalog.Find((Codes[ordinal] / 1000).ToString(CultureInfo.InvariantCulture))?.Name ?? "";
        return $"{township}第{Codes[ordinal] % 1000}村";
    }

    /// <summary>The ordinal of a body id, or -1 when it is not simulated (linear: for a few overrides only).</summary>
    public int IndexOf(string id)
    {
        long code;
        if (id == BodyId.Nation)
        {
            code = 0;
        }
        else if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out code))
        {
            return -1;
        }

        return Array.IndexOf(Codes, code);
    }

    /// <summary>The subtree of <paramref name="rootId"/> down to <paramref name="depth"/>.</summary>
    /// <exception cref="ScenarioException">The root is not a known division.</exception>
    public static SimulationHierarchy Build(DivisionCatalog catalog, string rootId, BodyLevel depth)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var root = catalog.Find(rootId) ?? throw new ScenarioException("scope.root", $"未知机构“{rootId}”：应为 cn 或省、市、县、乡的区划代码");
        if (depth < root.Level)
        {
            throw new ScenarioException("scope.depth", $"层级“{depth}”高于根机构“{root.Name}”所在层级");
        }

        var capacity = EstimateCount(catalog, root.Id, depth);
        var codes = new List<long>(capacity);
        var levels = new List<byte>(capacity);
        var parents = new List<int>(capacity);
        var stack = new Stack<(string Id, BodyLevel Level, int Parent)>();
        stack.Push((root.Id, root.Level, -1));
        while (stack.Count > 0)
        {
            var (id, level, parent) = stack.Pop();
            var ordinal = codes.Count;
            codes.Add(id == BodyId.Nation ? 0 : long.Parse(id, CultureInfo.InvariantCulture));
            levels.Add((byte)level);
            parents.Add(parent);
            if (level == BodyLevel.Township && depth == BodyLevel.Village)
            {
                var township = codes[ordinal];
                for (var v = 1; v <= catalog.VillageCount(id); v++)
                {
                    codes.Add((township * 1000) + v);
                    levels.Add((byte)BodyLevel.Village);
                    parents.Add(ordinal);
                }

                continue;
            }

            // Pushed in reverse so children come out in code order: the layout is deterministic.
            var children = catalog.ChildrenOf(id)
                .Select(c => catalog.Find(c)!)
                .Where(c => c.Level <= depth && c.Level != BodyLevel.Department)
                .OrderByDescending(c => c.Id, StringComparer.Ordinal);
            foreach (var child in children)
            {
                stack.Push((child.Id, child.Level, ordinal));
            }
        }

        var parentArray = parents.ToArray();
        var sizes = new int[parentArray.Length];
        for (var i = sizes.Length - 1; i >= 0; i--)
        {
            sizes[i]++;
            if (parentArray[i] >= 0)
            {
                sizes[parentArray[i]] += sizes[i];
            }
        }

        return new SimulationHierarchy(catalog, [.. codes], [.. levels], parentArray, sizes);
    }

    private static int EstimateCount(DivisionCatalog catalog, string rootId, BodyLevel depth) =>
        depth == BodyLevel.Village && rootId == BodyId.Nation ? catalog.Count + catalog.TotalVillages + 1 : 1024;
}
