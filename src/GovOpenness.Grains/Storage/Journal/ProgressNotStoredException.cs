namespace GovOpenness.Grains.Storage.Journal;

/// <summary>
/// The journal did not store this record (a failed commit, or a stale writer): nothing of it was
/// acknowledged. Serializable, so a caller on another silo sees this and not a codec error; its cause
/// is a <see cref="Abstractions.StorageUnavailableException"/>, never the driver's exception.
/// </summary>
[GenerateSerializer, Alias("gov.ProgressNotStoredException")]
public class ProgressNotStoredException : Orleans.Runtime.OrleansException
{
    public ProgressNotStoredException()
    {
    }

    public ProgressNotStoredException(string grainKey, Exception cause)
        : base($"进度未能保存（{grainKey}）：数据库提交失败，本次更新没有生效，请稍后重试。原因：{cause.Message}", cause) => GrainKey = grainKey;

    protected ProgressNotStoredException(string grainKey, string message)
        : base(message) => GrainKey = grainKey;

    [Id(0)]
    public string GrainKey { get; private set; } = "";
}
