namespace GovOpenness.Grains;

/// <summary>
/// The children whose summaries this grain holds, journaled (key "{body}/{year}/children") so a
/// restarted activation knows whom to pull from.
/// </summary>
/// <remarks>
/// A new child is added in memory when its first delta arrives and journaled by the next flush, one
/// write for all the children that arrived since (a national cascade: about 3,400 writes instead of
/// 44,694, and no commit awaited inside <see cref="ReceiveDeltaAsync"/>). A crash in between loses
/// only the list entry of a child that sent its delta moments ago: the child journaled its own change
/// in those moments, so the reconciler's resend after the membership change brings it back
/// (README, "Convergence after faults").
/// </remarks>
public sealed partial class ProgressGrain
{
    private HashSet<string> _knownChildren = new(StringComparer.Ordinal);
    private bool _childrenDirty;

    private async Task JournalChildrenAsync()
    {
        if (!_childrenDirty)
        {
            return;
        }

        _childrenDirty = false;
        var payload = System.Text.Json.JsonSerializer.Serialize(_children);
        try
        {
            _childrenVersion = await AppendOrLeaveAsync(ChildrenKey, payload, _childrenVersion);
        }
        catch
        {
            // Not stored: the next flush tries again (a stale activation has left by then).
            _childrenDirty = true;
            throw;
        }
    }
}
