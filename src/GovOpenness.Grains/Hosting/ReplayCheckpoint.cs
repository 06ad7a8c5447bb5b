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

    /// <summary>The checkpoint of this scenario in the folder, or null (none yet, another scenario's, or unreadable).</summary>
    public static ReplayCheckpoint? Read(string folder, string fingerprint)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var checkpoint = JsonSerializer.Deserialize<ReplayCheckpoint>(File.ReadAllText(path));
            return checkpoint is not null && checkpoint.Fingerprint == fingerprint && checkpoint.BatchesDone >= 0 ? checkpoint : null;
        }
        catch (JsonException)
        {
            return null;
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
