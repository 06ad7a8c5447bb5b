namespace GovOpenness.Server.Replay;

/// <summary>The replay's configuration cannot be used; the message names the key (and the scenario's field).</summary>
public sealed class ReplayConfigurationException(string key, string problem) : Exception($"模拟回放配置有误：{key}：{problem}")
{
    /// <summary>The configuration key, e.g. "GovOpenness:Replay:Speed".</summary>
    public string Key { get; } = key;
}
