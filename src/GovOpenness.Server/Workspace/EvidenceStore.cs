using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using GovOpenness.Grains.Storage;
using GovOpenness.Server.Hosting;
using Microsoft.Extensions.Options;

namespace GovOpenness.Server.Workspace;

/// <summary>Configuration section "GovOpenness:Evidence".</summary>
public sealed class EvidenceOptions
{
    public const string Section = "GovOpenness:Evidence";

    /// <summary>
    /// A folder for the files (one all silos share, in a cluster). Empty: in PostgreSQL when the cluster
    /// runs on it (table evidencefiles), else the folder "evidence" in the data folder.
    /// </summary>
    public string? Directory { get; set; }

    /// <summary>The largest file accepted (default 20 MB).</summary>
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;
}

/// <summary>What is stored about one evidence file, and answered to its uploader.</summary>
public sealed record EvidenceInfo(string Id, string Name, string ContentType, long Size, string Sha256, string BodyId, string? Account, DateTimeOffset UploadedAt);

/// <summary>
/// Evidence files (佐证材料), received into a temporary file (hashed, size-checked) and then kept under a
/// random id: on disk, each file with its metadata beside it, written to a temporary name, flushed and
/// renamed, so an acknowledged id always names a whole file and a refused or interrupted upload leaves
/// nothing behind under an id; or, on PostgreSQL without a configured folder, in the database
/// (<see cref="PostgresEvidenceFiles"/>). Either way a read is checked against the hash taken at upload.
/// </summary>
public sealed partial class EvidenceStore(IOptions<EvidenceOptions> options, IOptions<ServerOptions> server, DatabaseConnections database)
{
    private readonly PostgresEvidenceFiles? _postgres =
        string.IsNullOrWhiteSpace(options.Value.Directory) && database.UsesPostgres ? new PostgresEvidenceFiles(database) : null;

    public long MaxBytes => options.Value.MaxBytes;

    /// <summary>Where files are: "PostgreSQL" or the folder's path (for the README's operators and the tests).</summary>
    public string Location => _postgres is not null ? "PostgreSQL" : Folder;

    private string Folder => string.IsNullOrWhiteSpace(options.Value.Directory)
        ? Path.Combine(server.Value.DataDirectory, "evidence")
        : options.Value.Directory!;

    /// <summary>Where uploads are received: this host's temp folder when files go to the database (no data folder needed).</summary>
    private string Spool => _postgres is not null ? Path.Combine(Path.GetTempPath(), "govopenness-evidence-uploads") : Folder;

    public static bool IsId(string? value) => value is not null && IdPattern().IsMatch(value);

    /// <summary>Copies at most <see cref="MaxBytes"/> + 1 bytes of <paramref name="content"/> to a temporary file, hashing as it goes.</summary>
    public async Task<Upload> ReceiveAsync(Stream content, CancellationToken cancellation)
    {
        Directory.CreateDirectory(Spool);
        var temp = Path.Combine(Spool, $".upload-{Guid.NewGuid():N}");
        var head = new byte[Domain.Evidence.EvidenceFileRules.HeadLength];
        var headLength = 0;
        long size = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer, cancellation)) > 0)
            {
                if (headLength < head.Length)
                {
                    var take = Math.Min(read, head.Length - headLength);
                    Array.Copy(buffer, 0, head, headLength, take);
                    headLength += take;
                }

                size += read;
                if (size > MaxBytes)
                {
                    break; // too large: the caller refuses it and deletes the partial file
                }

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellation);
            }

            await file.FlushAsync(cancellation);
            file.Flush(flushToDisk: true);
        }

        return new Upload(temp, size, head[..headLength], Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>Keeps a received file under a new id; answers what is stored.</summary>
    public async Task<EvidenceInfo> KeepAsync(Upload upload, string name, string bodyId, string? account, DateTimeOffset now, CancellationToken cancellation)
    {
        var id = "ev" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var info = new EvidenceInfo(id, name, Domain.Evidence.EvidenceFileRules.ContentTypeOf(name), upload.Size, upload.Sha256, bodyId, account, now);
        if (_postgres is not null)
        {
            try
            {
                await _postgres.KeepAsync(info, upload.TempPath, cancellation);
            }
            finally
            {
                Discard(upload);
            }

            return info;
        }

        var metaTemp = MetaPath(id) + ".tmp";
        await using (var meta = new FileStream(metaTemp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true))
        {
            await JsonSerializer.SerializeAsync(meta, info, cancellationToken: cancellation);
            meta.Flush(flushToDisk: true);
        }

        // The bytes first, the metadata last: an id is readable only once both are in place.
        File.Move(upload.TempPath, DataPath(id));
        File.Move(metaTemp, MetaPath(id));
        return info;
    }

    public async Task<EvidenceInfo?> FindAsync(string id, CancellationToken cancellation)
    {
        if (_postgres is not null)
        {
            return IsId(id) ? await _postgres.FindAsync(id, cancellation) : null;
        }

        if (!IsId(id) || !File.Exists(MetaPath(id)))
        {
            return null;
        }

        await using var meta = File.OpenRead(MetaPath(id));
        return await JsonSerializer.DeserializeAsync<EvidenceInfo>(meta, cancellationToken: cancellation);
    }

    /// <summary>The file's bytes; reading past the end fails if they no longer match the hash taken at upload.</summary>
    public async Task<Stream> OpenAsync(EvidenceInfo info, CancellationToken cancellation) => _postgres is not null
        ? await _postgres.OpenAsync(info, cancellation)
        : new HashCheckedStream(new FileStream(DataPath(info.Id), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true), info.Sha256, info.Id);

    public static void Discard(Upload upload)
    {
        try
        {
            File.Delete(upload.TempPath);
        }
        catch (IOException)
        {
            // Left as a ".upload-" file, never under an id: nothing can read it.
        }
    }

    private string DataPath(string id) => Path.Combine(Folder, id + ".bin");

    private string MetaPath(string id) => Path.Combine(Folder, id + ".json");

    [GeneratedRegex("^ev[0-9a-f]{32}$")]
    private static partial Regex IdPattern();

    /// <summary>A received file not yet kept: its temporary path, size (past the limit when too large), first bytes and hash.</summary>
    public sealed record Upload(string TempPath, long Size, byte[] Head, string Sha256);
}
