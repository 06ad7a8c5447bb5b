using GovOpenness.Abstractions;
using GovOpenness.Domain.Progress;

namespace GovOpenness.Grains;

/// <summary>The progress grain's read of its own record (replays compare it with the fast engine).</summary>
public sealed partial class ProgressGrain : IBodyProgressReaderGrain
{
    public async Task<BodyProgress> GetOwnProgressAsync()
    {
        await AdoptReceiptAsync();
        return _progress;
    }
}
