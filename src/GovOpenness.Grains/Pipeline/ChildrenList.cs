using System.Text.Json;
using GovOpenness.Grains.Storage.Journal;

namespace GovOpenness.Grains.Pipeline;

/// <summary>
/// One job of the progress grain: the children whose summaries it holds, journaled (key
/// "{body}/{year}/children") so a restarted activation knows whom to pull from.
/// </summary>
/// <remarks>
/// A new child is added in memory when its first delta arrives and journaled by the next flush, one
/// write for all the children that arrived since (a national cascade: about 3,400 writes instead of
/// 44,694, and no commit awaited inside the parent's ReceiveDelta). A crash in between loses only the
/// list entry of a child that sent its delta moments ago: the child journaled its own change in those
/// moments, so the reconciler's resend after the membership change brings it back (README,
/// "Convergence after faults").
/// </remarks>
internal sealed class ChildrenList(VersionedRecord record)
{
    private readonly List<string> _children = [];
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private bool _dirty;

    /// <summary>The children in the order they first sent a delta.</summary>
    public IReadOnlyList<string> All => _children;

    public bool Contains(string childId) => _known.Contains(childId);

    /// <summary>Takes the journaled list (the record's payload, or none).</summary>
    public void Load(StoredRecord? stored)
    {
        _children.Clear();
        _children.AddRange(stored is { } s ? JsonSerializer.Deserialize<List<string>>(s.Payload) ?? [] : []);
        _known.Clear();
        _known.UnionWith(_children);
    }

    /// <summary>Notes a child that sent a delta; true when it is new (journaled by the next <see cref="JournalAsync"/>).</summary>
    public bool Add(string childId)
    {
        if (!_known.Add(childId))
        {
            return false;
        }

        _children.Add(childId);
        _dirty = true;
        return true;
    }

    /// <summary>Writes the list if a child was added since the last write; a failed write is tried again next time.</summary>
    public async Task JournalAsync()
    {
        if (!_dirty)
        {
            return;
        }

        _dirty = false;
        var payload = JsonSerializer.Serialize(_children);
        try
        {
            await record.WriteAsync(payload);
        }
        catch
        {
            // Not stored: the next flush tries again (a stale activation has left by then).
            _dirty = true;
            throw;
        }
    }
}
