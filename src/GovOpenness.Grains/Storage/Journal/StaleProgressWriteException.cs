namespace GovOpenness.Grains.Storage.Journal;

/// <summary>
/// The record was not written because another writer changed it since this one read it: two
/// activations of one grain (Orleans allows that briefly while membership changes). The stale
/// activation must deactivate and its caller retry, so it reaches the current state.
/// </summary>
public sealed class StaleProgressWriteException(string grainKey, long expectedVersion)
    : ProgressNotStoredException(grainKey, $"进度未能保存（{grainKey}）：该记录已被另一处更新（期望版本 {expectedVersion}），本次更新没有生效，请重试。")
{
    public long ExpectedVersion { get; } = expectedVersion;
}
