using System.Collections.Frozen;
using GovOpenness.Domain.Text;

namespace GovOpenness.Domain.Hierarchy.Search;

/// <summary>
/// Finds bodies by name (孝义), code (141181, or a prefix such as 1411) or pinyin initials (xy, xys),
/// best first: exact matches, then those starting with the query, then those containing it; within a
/// tier higher levels first (a county before its townships), then by code. Built once, immutable, safe
/// to share. Built for a search box: every keystroke is one call, so nothing scans all 45,000 names
/// unless the query is a single Latin letter (then the prefix tier alone already fills the page).
/// </summary>
public sealed class BodySearchIndex
{
    /// <summary>The most results one search returns.</summary>
    public const int MaxResults = 100;

    /// <summary>The longest query accepted (a name never is longer).</summary>
    public const int MaxQueryLength = 50;

    private readonly Body[] _bodies;
    private readonly FrozenDictionary<string, int> _byId;
    private readonly string[] _names; // normalized (simplified, half-width), same order as _bodies
    private readonly FrozenDictionary<char, int[]> _byCharacter; // character → bodies whose name has it, ascending
    private readonly int[] _idOrder; // bodies sorted by id (ordinal), for code prefixes
    private readonly (string Reading, int Body)[] _readings; // sorted by reading (ordinal), for initials prefixes

    public BodySearchIndex(IEnumerable<Body> bodies, Func<string, IReadOnlyList<string>> initials)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        ArgumentNullException.ThrowIfNull(initials);
        _bodies = [.. bodies];
        _byId = _bodies.Select((b, i) => (b.Id, i)).ToFrozenDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        _names = [.. _bodies.Select(b => ChineseText.Normalize(b.Name))];
        var postings = new Dictionary<char, List<int>>();
        for (var i = 0; i < _names.Length; i++)
        {
            foreach (var c in _names[i].Distinct())
            {
                if (!postings.TryGetValue(c, out var list))
                {
                    postings[c] = list = [];
                }

                list.Add(i);
            }
        }

        _byCharacter = postings.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray());
        _idOrder = [.. Enumerable.Range(0, _bodies.Length).OrderBy(i => _bodies[i].Id, StringComparer.Ordinal)];
        _readings = [.. _bodies.SelectMany((b, i) => initials(b.Id).Select(r => (r, i))).OrderBy(p => p.r, StringComparer.Ordinal).ThenBy(p => p.i)];
    }

    private static readonly Lazy<BodySearchIndex> EmbeddedChina = new(() =>
        new BodySearchIndex(DivisionCatalog.China.InTopDownOrder, PinyinInitials.Of));

    /// <summary>The index over the vendored national hierarchy (44,695 bodies) with their pinyin initials.</summary>
    public static BodySearchIndex China => EmbeddedChina.Value;

    public int Count => _bodies.Length;

    /// <summary>
    /// The best <paramref name="take"/> matches for <paramref name="query"/>. Digits search codes, Latin
    /// letters search pinyin initials (case-insensitive), anything else searches names. Empty for a blank query.
    /// Initials are ambiguous (xys: 孝义市, 新余市, 兴义市 …): with <paramref name="within"/> (the body the
    /// user works at or looks at, e.g. "14"), matches in its subtree come first within each tier.
    /// <paramref name="visible"/> leaves out the bodies the asker may not see before the best are chosen,
    /// so a page is full of visible matches (an account sees its subtree and its ancestors, not the country).
    /// </summary>
    public IReadOnlyList<BodyMatch> Search(string? query, int take = 20, string? within = null, Func<Body, bool>? visible = null)
    {
        take = Math.Clamp(take, 1, MaxResults);
        var q = ChineseText.Normalize((query ?? "").Trim()).ToLowerInvariant();
        if (q.Length == 0)
        {
            return [];
        }

        var found = new Candidates(take, visible is null ? null : i => visible(_bodies[i]));
        if (q.All(char.IsAsciiDigit) || q.Contains('.', StringComparison.Ordinal))
        {
            FindCodes(q, found);
        }
        else if (q.All(char.IsAsciiLetterLower))
        {
            FindInitials(q, found);
        }
        else
        {
            FindNames(q, found);
        }

        return [.. found.Best(_bodies, within).Select(c => new BodyMatch(_bodies[c.Body], c.Kind, c.Tier, PathOf(c.Body)))];
    }

    /// <summary>The body with this id and every ancestor, top down; empty when the id is unknown.</summary>
    public IReadOnlyList<Body> PathOf(string id) => _byId.TryGetValue(id, out var i) ? PathOf(i) : [];

    private List<Body> PathOf(int index)
    {
        var path = new List<Body>(6);
        for (var body = _bodies[index]; ; body = _bodies[_byId[body.ParentId!]])
        {
            path.Add(body);
            if (body.ParentId is null || !_byId.ContainsKey(body.ParentId))
            {
                break;
            }
        }

        path.Reverse();
        return path;
    }

    private void FindCodes(string q, Candidates found)
    {
        // Ids sorted ordinally: those starting with q form one contiguous run.
        var start = LowerBound(_idOrder.Length, i => string.CompareOrdinal(_bodies[_idOrder[i]].Id, q) < 0);
        for (var k = start; k < _idOrder.Length && _bodies[_idOrder[k]].Id.StartsWith(q, StringComparison.Ordinal); k++)
        {
            var body = _idOrder[k];
            found.Add(body, BodyMatchKind.Code, _bodies[body].Id.Length == q.Length ? 0 : 1);
        }
    }

    private void FindInitials(string q, Candidates found)
    {
        var start = LowerBound(_readings.Length, i => string.CompareOrdinal(_readings[i].Reading, q) < 0);
        for (var k = start; k < _readings.Length && _readings[k].Reading.StartsWith(q, StringComparison.Ordinal); k++)
        {
            found.Add(_readings[k].Body, BodyMatchKind.Pinyin, _readings[k].Reading.Length == q.Length ? 0 : 1);
        }

        // Containing the initials ranks below every prefix: look only when the prefixes leave room.
        if (found.Count < found.Take)
        {
            foreach (var (reading, body) in _readings)
            {
                if (reading.Length > q.Length && reading.IndexOf(q, 1, StringComparison.Ordinal) > 0)
                {
                    found.Add(body, BodyMatchKind.Pinyin, 2);
                }
            }
        }
    }

    private void FindNames(string q, Candidates found)
    {
        // Candidates: the bodies whose name holds the query's rarest character.
        int[]? rarest = null;
        foreach (var c in q)
        {
            if (!_byCharacter.TryGetValue(c, out var list))
            {
                return;
            }

            if (rarest is null || list.Length < rarest.Length)
            {
                rarest = list;
            }
        }

        foreach (var body in rarest!)
        {
            var at = _names[body].IndexOf(q, StringComparison.Ordinal);
            if (at >= 0)
            {
                found.Add(body, BodyMatchKind.Name, at > 0 ? 2 : _names[body].Length == q.Length ? 0 : 1);
            }
        }
    }

    private static int LowerBound(int length, Func<int, bool> isBefore)
    {
        int lo = 0, hi = length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (isBefore(mid))
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Matches so far, each body once at its best tier.</summary>
    private sealed class Candidates(int take, Func<int, bool>? visible)
    {
        private readonly Dictionary<int, (BodyMatchKind Kind, int Tier)> _best = [];

        public int Take { get; } = take;

        public int Count => _best.Count;

        public void Add(int body, BodyMatchKind kind, int tier)
        {
            if (visible is not null && !visible(body))
            {
                return;
            }

            if (!_best.TryGetValue(body, out var known) || tier < known.Tier)
            {
                _best[body] = (kind, tier);
            }
        }

        /// <summary>
        /// The best <see cref="Take"/> in order. A short query ("1", "x") matches thousands of bodies: a
        /// bounded max-heap keeps the best few (n log take), instead of sorting every match.
        /// </summary>
        public IEnumerable<(int Body, BodyMatchKind Kind, int Tier)> Best(Body[] bodies, string? within)
        {
            var comparer = Comparer<(int Body, int Tier)>.Create((a, b) => Compare(bodies, within, a, b));
            var worstFirst = new PriorityQueue<(int Body, int Tier), (int Body, int Tier)>(Take + 1, Comparer<(int Body, int Tier)>.Create((a, b) => comparer.Compare(b, a)));
            foreach (var (body, (_, tier)) in _best)
            {
                worstFirst.Enqueue((body, tier), (body, tier));
                if (worstFirst.Count > Take)
                {
                    worstFirst.Dequeue();
                }
            }

            var kept = new List<(int Body, int Tier)>(worstFirst.Count);
            while (worstFirst.TryDequeue(out var entry, out _))
            {
                kept.Add(entry);
            }

            kept.Reverse();
            return kept.Select(k => (k.Body, _best[k.Body].Kind, k.Tier));
        }

        private static int Compare(Body[] bodies, string? within, (int Body, int Tier) a, (int Body, int Tier) b)
        {
            var c = a.Tier.CompareTo(b.Tier);
            if (c != 0)
            {
                return c;
            }

            c = (IsWithin(bodies[a.Body].Id, within) ? 0 : 1).CompareTo(IsWithin(bodies[b.Body].Id, within) ? 0 : 1);
            if (c != 0)
            {
                return c;
            }

            c = LevelRank(bodies[a.Body].Level).CompareTo(LevelRank(bodies[b.Body].Level));
            return c != 0 ? c : string.CompareOrdinal(bodies[a.Body].Id, bodies[b.Body].Id);
        }

        // Codes nest (141181 lies in 1411 lies in 14) and departments carry their government's code
        // ("14.sthj"), so the subtree of a body is the ids that start with its id.
        internal static bool IsWithin(string id, string? within) =>
            within is not null && (within == BodyId.Nation || id.StartsWith(within, StringComparison.Ordinal));

        // Departments rank with the level of the government they belong to would be ideal; next to
        // townships is a fair place for them in a search over names.
        private static int LevelRank(BodyLevel level) => level == BodyLevel.Department ? (int)BodyLevel.Township : (int)level;
    }
}
