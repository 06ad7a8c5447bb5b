namespace GovOpenness.Grains.Storage.Journal;

/// <summary>The journal did not store this record (a failed commit, or a stale writer): nothing of it was acknowledged.</summary>
public class ProgressNotStoredException : Exception
{
    public ProgressNotStoredException(string grainKey, Exception cause)
        : base($"进度未能保存（{grainKey}）：数据库提交失败，本次更新没有生效，请稍后重试。原因：{cause.Message}", cause) => GrainKey = grainKey;

    protected ProgressNotStoredException(string grainKey, string message)
        : base(message) => GrainKey = grainKey;

    public string GrainKey { get; }
}
