namespace GovOpenness.Grains.Storage.Journal;

/// <summary>The journal could not commit the batch holding this record: nothing of it was acknowledged.</summary>
public sealed class ProgressNotStoredException(string grainKey, Exception cause)
    : Exception($"进度未能保存（{grainKey}）：数据库提交失败，本次更新没有生效，请稍后重试。原因：{cause.Message}", cause)
{
    public string GrainKey { get; } = grainKey;
}
