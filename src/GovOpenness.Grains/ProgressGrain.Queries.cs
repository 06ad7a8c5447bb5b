using GovOpenness.Abstractions;
using GovOpenness.Domain.Progress;

namespace GovOpenness.Grains;

/// <summary>Reads of the body's own progress for the viewer; they never write.</summary>
public sealed partial class ProgressGrain
{
    public async Task<CommandResult<ProgressTable>> GetItemsAsync()
    {
        if (!_exists)
        {
            return CommandResult<ProgressTable>.Fail(FailureKind.NotFound, $"机构“{_bodyId}”不存在");
        }

        // A follower's receipt is held by its parent until this grain adopts it.
        await AdoptReceiptAsync();
        await EnsurePlanKnownAsync();
        return CommandResult<ProgressTable>.Ok(ProgressTable.Of(_progress, Today, Calendar));
    }
}
