using System.Security.Cryptography;
using System.Text.Json;

namespace GovOpenness.Grains.Hosting;

/// <summary>
/// How far a replay has gone, kept durably so that a restarted server goes on from there instead of
/// starting over (issue 16): the number of batches done and the virtual date of the last. A small JSON
/// file in the replay's own data folder, replaced atomically after each batch. Re-running the batch that
/// was in flight when the server stopped is safe: publishing or localizing the same content again is a
/// no-op, and progress steps carry request ids.
/// </summary>
/// <param name="Fingerprint">SHA-256 of the scenario file: a checkpoint of another scenario (or an edited one) is ignored.</param>
public sealed record ReplayCheckpoint(string Fingerprint, int BatchesDone, DateOnly LastDate)
{
    public const string FileName = "replay-checkpoint.json";

    /// <summary>
    /// The checkpoint of this scenario in the folder, or why there is none to resume from: none yet,
    /// another scenario's (or an edited one's), or unreadable. A replay that starts over says why, so an
    /// operator who expected it to resume can see the reason in the log.
    /// </summary>
    public static ReplayCheckpointReading Read(string folder, string fingerprint)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return new(null, null);
        }

        try
        {
            var checkpoint = JsonSerializer.Deserialize<ReplayCheckpoint>(File.ReadAllText(path));
            return checkpoint switch
            {
                null => new(null, $"{path} 为空"),
                { Fingerprint: var other } when other != fingerprint => new(null, $"{path} 属于另一个（或已修改的）场景文件"),
                { BatchesDone: < 0 } => new(null, $"{path} 的已完成批次数为负数"),
                _ => new(checkpoint, null),
            };
        }
        catch (JsonException e)
        {
            return new(null, $"{path} 无法读取：{e.Message}");
        }
    }

    /// <summary>Replaces the folder's checkpoint: written beside it, then moved over it, so a crash leaves the old or the new.</summary>
    public void Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        var next = path + ".next";
        using (var stream = new FileStream(next, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, this);
            stream.Flush(flushToDisk: true);
        }

        File.Move(next, path, overwrite: true);
    }

    public static string FingerprintOf(string scenarioFile) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(scenarioFile)));
}

/// <summary>What a replay's data folder held: the checkpoint to resume from, or why none is used (null when there was simply none yet).</summary>
public sealed record ReplayCheckpointReading(ReplayCheckpoint? Checkpoint, string? IgnoredBecause);

/// <summary>
/// Where one replay keeps its checkpoint: its data folder, keyed by its scenario file's fingerprint. Read
/// once, when first asked (the hosting sets the virtual clock from it before the driver starts), and
/// replaced after each batch.
/// </summary>
public sealed class ReplayCheckpointFile(string folder, string fingerprint)
{
    private readonly Lazy<ReplayCheckpointReading> _found = new(() => ReplayCheckpoint.Read(folder, fingerprint));

    public static ReplayCheckpointFile For(string folder, string scenarioFile) => new(folder, ReplayCheckpoint.FingerprintOf(scenarioFile));

    /// <summary>What the folder held when first asked.</summary>
    public ReplayCheckpointReading Found => _found.Value;

    public void Save(int batchesDone, DateOnly lastDate) => new ReplayCheckpoint(fingerprint, batchesDone, lastDate).Write(folder);
}
