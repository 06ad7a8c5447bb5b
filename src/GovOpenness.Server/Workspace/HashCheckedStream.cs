using System.Security.Cryptography;

namespace GovOpenness.Server.Workspace;

/// <summary>
/// An evidence file as it is read out: hashed while it streams, and at its end compared with the SHA-256
/// recorded at upload. A file changed or cut short where it is kept fails the read (the download breaks
/// off) instead of reaching the reader as if it were the uploaded file. Disposes what it reads through
/// (a file, or a database reader and its connection).
/// </summary>
internal sealed class HashCheckedStream(Stream inner, string expectedSha256, string id, params IDisposable[] owned) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private bool _checked;
    private bool _disposed;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Check(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        return Check(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Check(ReadOnlySpan<byte> read)
    {
        if (read.Length > 0)
        {
            _hash.AppendData(read);
            return read.Length;
        }

        if (!_checked)
        {
            _checked = true;
            var actual = Convert.ToHexStringLower(_hash.GetHashAndReset());
            if (!string.Equals(actual, expectedSha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidDataException($"佐证材料“{id}”已损坏：内容的 SHA-256 {actual[..16]}… 与上传时的 {expectedSha256[..16]}… 不符");
            }
        }

        return 0;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _hash.Dispose();
            inner.Dispose();
            foreach (var resource in owned)
            {
                resource.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}
