namespace GovOpenness.Domain.Alignment;

/// <summary>
/// Which child × parent pairs of one tier are scored. Real plans (30–200 items a side) are scored pair by
/// pair, every pair, so their alignment is exact. Beyond <see cref="DensePairLimit"/> pairs (documents of
/// thousands of items) scoring every pair would grow with the product of the sizes (a 2 MB pair: 21 million
/// pairs, 1.9 GB); there each item keeps only the <see cref="PerItem"/> items of the other side that share
/// the most of its rarest grams, found through an inverted index, so the cost grows with the documents'
/// size, not its square (issue 16).
/// </summary>
/// <remarks>
/// Why this loses no link: a pair scores at least the match threshold (0.24) only on shared wording (item
/// cosine, sentence reuse, headings); structure alone gives at most 0.16. Shared wording means shared
/// grams, and the rare grams (电子技术监控, 双随机) decide which items share the most. Candidates are chosen
/// from both sides (a child's nearest parents and a parent's nearest children), so a parent split into
/// many children keeps all of them.
/// </remarks>
internal static class CandidatePairs
{
    public const int DensePairLimit = 65_536;
    public const int PerItem = 32;

    /// <summary>Postings an item visits when looking for its nearest items, rarest grams first.</summary>
    private const int PostingBudget = 4_096;

    /// <summary>For each child, the parents to score, ascending.</summary>
    public static int[][] Choose(IReadOnlyList<ItemProfile> children, IReadOnlyList<ItemProfile> parents, GramSpace space, int scoreEveryPairUpTo, CancellationToken cancellation)
    {
        if ((long)children.Count * parents.Count <= scoreEveryPairUpTo)
        {
            var every = Enumerable.Range(0, parents.Count).ToArray();
            return [.. children.Select(_ => every)];
        }

        var chosen = new HashSet<int>[children.Count];
        for (var c = 0; c < children.Count; c++)
        {
            chosen[c] = [];
        }

        var nearParents = new NearestItems(parents, space);
        for (var c = 0; c < children.Count; c++)
        {
            cancellation.ThrowIfCancellationRequested();
            chosen[c].UnionWith(nearParents.Of(children[c]));
        }

        var nearChildren = new NearestItems(children, space);
        for (var p = 0; p < parents.Count; p++)
        {
            cancellation.ThrowIfCancellationRequested();
            foreach (var c in nearChildren.Of(parents[p]))
            {
                chosen[c].Add(p);
            }
        }

        return [.. chosen.Select(set =>
        {
            var sorted = set.ToArray();
            Array.Sort(sorted);
            return sorted;
        })];
    }

    /// <summary>An inverted index over one side's items: gram → items that contain it.</summary>
    private sealed class NearestItems
    {
        private readonly List<int>?[] _postings;
        private readonly GramSpace _space;
        private readonly double[] _shared;
        private readonly List<int> _touched = [];

        public NearestItems(IReadOnlyList<ItemProfile> items, GramSpace space)
        {
            _space = space;
            _postings = new List<int>?[space.Count];
            _shared = new double[items.Count];
            for (var i = 0; i < items.Count; i++)
            {
                foreach (var id in items[i].GramIds)
                {
                    (_postings[id] ??= []).Add(i);
                }
            }
        }

        /// <summary>The indexed items sharing the most IDF weight of the probe's rarest grams, best first.</summary>
        public IEnumerable<int> Of(ItemProfile probe)
        {
            foreach (var i in _touched)
            {
                _shared[i] = 0;
            }

            _touched.Clear();
            var grams = probe.GramIds.Where(id => _postings[id] is not null).ToArray();
            var rarity = Array.ConvertAll(grams, id => _postings[id]!.Count);
            Array.Sort(rarity, grams);
            var visited = 0;
            foreach (var id in grams)
            {
                var list = _postings[id]!;
                if (visited > 0 && visited + list.Count > PostingBudget)
                {
                    break;
                }

                visited += list.Count;
                var weight = _space.Idf(id);
                foreach (var i in list)
                {
                    if (_shared[i] == 0)
                    {
                        _touched.Add(i);
                    }

                    _shared[i] += weight;
                }
            }

            return _touched.OrderByDescending(i => _shared[i]).ThenBy(i => i).Take(PerItem).ToArray();
        }
    }
}
