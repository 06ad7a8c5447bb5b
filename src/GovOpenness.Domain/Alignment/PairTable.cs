namespace GovOpenness.Domain.Alignment;

/// <summary>
/// The scored pairs of one tier: for each child, the parents it was scored against (ascending) and their
/// features. A pair that was not scored (<see cref="CandidatePairs"/>) reads as no evidence at all.
/// </summary>
internal sealed class PairTable(int parentCount, int[][] parentsOfChild, PairFeatures[][] features)
{
    private List<int>[]? _childrenOfParent;

    public int ChildCount => parentsOfChild.Length;

    public int ParentCount => parentCount;

    public PairFeatures this[int child, int parent]
    {
        get
        {
            var at = Array.BinarySearch(parentsOfChild[child], parent);
            return at >= 0 ? features[child][at] : default;
        }
    }

    /// <summary>The parents scored against a child, ascending.</summary>
    public IReadOnlyList<int> ParentsOf(int child) => parentsOfChild[child];

    /// <summary>The features of those pairs, in the same order.</summary>
    public IReadOnlyList<PairFeatures> FeaturesOf(int child) => features[child];

    /// <summary>The children scored against a parent, ascending.</summary>
    public IReadOnlyList<int> ChildrenOf(int parent)
    {
        if (_childrenOfParent is null)
        {
            var index = new List<int>[parentCount];
            for (var p = 0; p < parentCount; p++)
            {
                index[p] = [];
            }

            for (var c = 0; c < parentsOfChild.Length; c++)
            {
                foreach (var p in parentsOfChild[c])
                {
                    index[p].Add(c);
                }
            }

            _childrenOfParent = index;
        }

        return _childrenOfParent[parent];
    }
}
