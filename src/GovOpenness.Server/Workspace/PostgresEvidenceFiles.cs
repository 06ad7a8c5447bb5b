using System.Data;
using GovOpenness.Grains.Storage;
using Npgsql;
using NpgsqlTypes;

namespace GovOpenness.Server.Workspace;

/// <summary>
/// Evidence files in PostgreSQL (table <c>evidencefiles</c>, postgres-evidence.sql), used when the cluster
/// runs on PostgreSQL and no shared folder is configured: every silo reads what any silo stored, and no
/// host's disk holds a file. One row per file, bytes in a bytea column written with the metadata in one
/// statement; the database hashes what it stored and the insert is rolled back unless that hash equals
/// the one computed while receiving.
/// </summary>
internal sealed class PostgresEvidenceFiles(DatabaseConnections database)
{
    public async Task KeepAsync(EvidenceInfo info, string bytesPath, CancellationToken cancellation)
    {
        await using var connection = (NpgsqlConnection)await database.OpenAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        await using var bytes = new FileStream(bytesPath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        await using var command = new NpgsqlCommand("""
            INSERT INTO evidencefiles (serviceid, id, name, contenttype, size, sha256, bodyid, account, uploadedat, content)
            VALUES (@service, @id, @name, @type, @size, @sha, @body, @account, @at, @content)
            RETURNING encode(sha256(content), 'hex')
            """, connection, transaction);
        command.Parameters.AddWithValue("service", database.ServiceId);
        command.Parameters.AddWithValue("id", info.Id);
        command.Parameters.AddWithValue("name", info.Name);
        command.Parameters.AddWithValue("type", info.ContentType);
        command.Parameters.AddWithValue("size", info.Size);
        command.Parameters.AddWithValue("sha", info.Sha256);
        command.Parameters.AddWithValue("body", info.BodyId);
        command.Parameters.AddWithValue("account", (object?)info.Account ?? DBNull.Value);
        command.Parameters.AddWithValue("at", info.UploadedAt);
        command.Parameters.Add(new NpgsqlParameter("content", NpgsqlDbType.Bytea) { Value = bytes, Size = checked((int)info.Size) });
        var stored = (string?)await command.ExecuteScalarAsync(cancellation);
        if (!string.Equals(stored, info.Sha256, StringComparison.Ordinal))
        {
            await transaction.RollbackAsync(cancellation);
            throw new InvalidDataException($"佐证材料写入数据库后校验不符（SHA-256 {stored} ≠ {info.Sha256}），未保存");
        }

        await transaction.CommitAsync(cancellation);
    }

    public async Task<EvidenceInfo?> FindAsync(string id, CancellationToken cancellation)
    {
        await using var connection = (NpgsqlConnection)await database.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand("""
            SELECT name, contenttype, size, sha256, bodyid, account, uploadedat FROM evidencefiles WHERE serviceid = @service AND id = @id
            """, connection);
        command.Parameters.AddWithValue("service", database.ServiceId);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        if (!await reader.ReadAsync(cancellation))
        {
            return null;
        }

        return new EvidenceInfo(id, reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4),
            reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6));
    }

    /// <summary>The file's bytes streamed from the database (sequential access: never the whole file in memory), hash-checked at the end.</summary>
    public async Task<Stream> OpenAsync(EvidenceInfo info, CancellationToken cancellation)
    {
        var connection = (NpgsqlConnection)await database.OpenAsync(cancellation);
        try
        {
            var command = new NpgsqlCommand("SELECT content FROM evidencefiles WHERE serviceid = @service AND id = @id", connection);
            command.Parameters.AddWithValue("service", database.ServiceId);
            command.Parameters.AddWithValue("id", info.Id);
            var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellation);
            if (!await reader.ReadAsync(cancellation))
            {
                throw new FileNotFoundException($"佐证材料“{info.Id}”的内容不在数据库中");
            }

            return new HashCheckedStream(reader.GetStream(0), info.Sha256, info.Id, reader, command, connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
