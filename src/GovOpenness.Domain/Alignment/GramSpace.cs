namespace GovOpenness.Domain.Alignment;

/// <summary>
/// The gram vocabulary of one parent/child pair with inverse document frequencies computed over the
/// sentences of BOTH documents.
/// </summary>
/// <remarks>
/// Why IDF over both documents: every plan of this genre repeats 政务公开, 信息公开, 政府网站, 各级各部门;
/// sharing those says nothing about which item carries out which. Grams that occur in few sentences
/// (电子技术监控, 双随机, 预决算) identify the task. Computing the weights over the two documents being
/// compared adapts them to each pair (an environment department's plan has its own boilerplate)
/// without a corpus from outside.
/// </remarks>
internal sealed class GramSpace
{
    private readonly Dictionary<long, int> _ids = [];
    private readonly List<int> _documentFrequency = [];
    private float[] _idf = [];

    /// <summary>Number of distinct grams.</summary>
    public int Count => _idf.Length;

    /// <summary>Builds the space from every sentence of both documents.</summary>
    public static GramSpace Build(IEnumerable<string> sentences)
    {
        var space = new GramSpace();
        var seen = new HashSet<int>();
        var count = 0;
        foreach (var sentence in sentences)
        {
            count++;
            seen.Clear();
            CharacterGrams.ForEach(sentence, gram =>
            {
                if (!space._ids.TryGetValue(gram, out var id))
                {
                    id = space._ids.Count;
                    space._ids.Add(gram, id);
                    space._documentFrequency.Add(0);
                }

                if (seen.Add(id))
                {
                    space._documentFrequency[id]++;
                }
            });
        }

        space._idf = new float[space._documentFrequency.Count];
        for (var i = 0; i < space._idf.Length; i++)
        {
            space._idf[i] = (float)Math.Log(1 + ((double)count / space._documentFrequency[i]));
        }

        return space;
    }

    /// <summary>The distinct known grams of <paramref name="text"/> with their IDF weights.</summary>
    public (int[] Ids, float[] Idf) DistinctGrams(string text)
    {
        var ids = new HashSet<int>();
        CharacterGrams.ForEach(text, gram =>
        {
            if (_ids.TryGetValue(gram, out var id))
            {
                ids.Add(id);
            }
        });

        var array = ids.ToArray();
        return (array, [.. array.Select(id => _idf[id])]);
    }

    /// <summary>
    /// The unit TF-IDF vector of <paramref name="text"/>. Term frequency is damped (1 + ln tf) so a long
    /// item that repeats one word is not read as being about that word alone.
    /// </summary>
    public SparseVector Vectorize(string text)
    {
        var counts = new Dictionary<int, int>();
        CharacterGrams.ForEach(text, gram =>
        {
            if (_ids.TryGetValue(gram, out var id))
            {
                counts[id] = counts.GetValueOrDefault(id) + 1;
            }
        });

        var weights = new Dictionary<int, float>(counts.Count);
        foreach (var (id, tf) in counts)
        {
            weights[id] = (float)(1 + Math.Log(tf)) * _idf[id];
        }

        return SparseVector.From(weights);
    }
}
