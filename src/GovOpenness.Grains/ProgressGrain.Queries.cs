using GovOpenness.Abstractions;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Progress;

namespace GovOpenness.Grains;

/// <summary>Reads of the body's own progress for the viewer; they never write.</summary>
public sealed partial class ProgressGrain
{
    public Task<CommandResult<string>> GetItemsAsync()
    {
        if (!_exists)
        {
            return Task.FromResult(CommandResult<string>.Fail(FailureKind.NotFound, $"机构“{_bodyId}”不存在"));
        }

        var table = ProgressTable.Of(_progress, Today, Calendar);
        return Task.FromResult(CommandResult<string>.Ok(LocalizationJson.Serialize(table)));
    }
}
