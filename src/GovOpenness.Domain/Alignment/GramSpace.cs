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
/// Not thread-safe: it keeps scratch buffers, and one alignment uses it from one thread.
/// </remarks>
internal sealed class GramSpace
{
    private readonly Dictionary<long, int> _ids = [];
    private readonly List<int> _documentFrequency = [];
    private readonly List<long> _grams = [];
    private readonly List<int> _touched = [];
    private float[] _idf = [];
    private int[] _stamp = [];
    private float[] _scratch = [];
    private int _generation;

    /// <summary>Number of distinct grams.</summary>
    public int Count => _idf.Length;

    /// <summary>The inverse document frequency of one gram.</summary>
    public float Idf(int id) => _idf[id];

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
            space._grams.Clear();
            CharacterGrams.Collect(sentence, space._grams);
            foreach (var gram in space._grams)
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
            }
        }

        space._idf = new float[space._documentFrequency.Count];
        for (var i = 0; i < space._idf.Length; i++)
        {
            space._idf[i] = (float)Math.Log(1 + ((double)count / space._documentFrequency[i]));
        }

        space._stamp = new int[space._idf.Length];
        space._scratch = new float[space._idf.Length];
        return space;
    }

    /// <summary>The distinct known grams of <paramref name="text"/> with their IDF weights.</summary>
    public (int[] Ids, float[] Idf) DistinctGrams(string text)
    {
        CountGrams(text);
        var ids = new int[_touched.Count];
        var idf = new float[_touched.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = _touched[i];
            idf[i] = _idf[ids[i]];
        }

        return (ids, idf);
    }

    /// <summary>
    /// The unit TF-IDF vector of <paramref name="text"/>. Term frequency is damped (1 + ln tf) so a long
    /// item that repeats one word is not read as being about that word alone.
    /// </summary>
    public SparseVector Vectorize(string text)
    {
        CountGrams(text);
        var ids = _touched.ToArray();
        var weights = new float[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            weights[i] = (float)(1 + Math.Log(_scratch[ids[i]])) * _idf[ids[i]];
        }

        return SparseVector.From(ids, weights);
    }

    /// <summary>Counts the known grams of the text into the scratch buffer; <see cref="_touched"/> lists them.</summary>
    private void CountGrams(string text)
    {
        _generation++;
        _touched.Clear();
        _grams.Clear();
        CharacterGrams.Collect(text, _grams);
        foreach (var gram in _grams)
        {
            if (!_ids.TryGetValue(gram, out var id))
            {
                continue;
            }

            if (_stamp[id] != _generation)
            {
                _stamp[id] = _generation;
                _scratch[id] = 0;
                _touched.Add(id);
            }

            _scratch[id]++;
        }
    }
}
