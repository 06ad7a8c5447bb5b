namespace GovOpenness.Grains.Storage.Journal;

/// <summary>
/// The record was not written because another writer changed it since this one read it: two
/// activations of one grain (Orleans allows that briefly while membership changes). The stale
/// activation must deactivate and its caller retry, so it reaches the current state.
/// </summary>
[GenerateSerializer, Alias("gov.StaleProgressWriteException")]
public sealed class StaleProgressWriteException : ProgressNotStoredException
{
    public StaleProgressWriteException()
    {
    }

    public StaleProgressWriteException(string grainKey, long expectedVersion)
        : base(grainKey, $"进度未能保存（{grainKey}）：该记录已被另一处更新（期望版本 {expectedVersion}），本次更新没有生效，请重试。") => ExpectedVersion = expectedVersion;

    [Id(0)]
    public long ExpectedVersion { get; private set; }
}
