using GovOpenness.Abstractions;
using GovOpenness.Domain.Localization;

namespace GovOpenness.Grains;

/// <summary>The progress grain's read of its own record (replays compare it with the fast engine).</summary>
public sealed partial class ProgressGrain : IBodyProgressReaderGrain
{
    public Task<string> GetOwnProgressAsync() => Task.FromResult(LocalizationJson.Serialize(_progress));
}
