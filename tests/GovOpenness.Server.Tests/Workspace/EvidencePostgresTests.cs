using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using GovOpenness.Grains.Storage;
using GovOpenness.Server.Hosting;
using GovOpenness.Server.Workspace;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GovOpenness.Server.Tests.Workspace;

/// <summary>
/// Evidence files on a real PostgreSQL when the server runs on it: the same API, the bytes in the
/// database (read back by a store on another data folder, as another host would, and by SQL), nothing in
/// the data folder, a refused file stores no row, and bytes changed in the database fail the download.
/// </summary>
public sealed class EvidencePostgresTests
{
    private static readonly byte[] Pdf = [.. "%PDF-1.4\n% 数据库中的佐证材料\n"u8.ToArray(), .. Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7 % 253))];

    [PostgresFact]
    public async Task An_upload_is_kept_in_the_database_read_back_from_it_by_another_host_and_checked_against_its_hash()
    {
        var postgres = PostgresFactAttribute.Require();
        var dataFolder = TempFolder.Create("govopenness-evidence-pg");
        var otherFolder = TempFolder.Create("govopenness-evidence-pg-other");
        try
        {
            await using var factory = new ServerFactory(dataFolder, postgres, seed: false);
            using var client = factory.CreateClient();
            var department = "13.v" + Guid.NewGuid().ToString("N")[..8];
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/bodies", Json.Body($$"""{"id":"{{department}}","name":"河北省佐证测试厅","parentId":"13"}"""))).StatusCode);

            using var uploaded = await client.PostAsync($"/api/bodies/{department}/evidence", Form("落实情况.pdf", Pdf));
            var info = await Json.ReadAsync(uploaded);
            var id = info.GetProperty("id").GetString()!;
            using var refused = await client.PostAsync($"/api/bodies/{department}/evidence", Form("落实情况.exe", [0x4D, 0x5A, 0x90, 0x00]));
            var downloaded = await client.GetByteArrayAsync($"/api/evidence/{id}");

            Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), info.GetProperty("sha256").GetString());
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("不支持的佐证材料类型", (await Json.ReadAsync(refused)).GetProperty("detail").GetString());
            Assert.Equal(Pdf, downloaded);
            Assert.Equal("PostgreSQL", factory.Services.GetRequiredService<EvidenceStore>().Location);
            Assert.False(Directory.Exists(Path.Combine(dataFolder, "evidence")), "佐证材料不应写入数据目录");

            // The row holds the bytes, and the refused file left no row.
            var serviceId = factory.Services.GetRequiredService<DatabaseConnections>().ServiceId;
            await using var connection = new NpgsqlConnection(postgres);
            await connection.OpenAsync();
            Assert.Equal(Pdf, await ScalarAsync<byte[]>(connection, "SELECT content FROM evidencefiles WHERE serviceid = @s AND id = @id", serviceId, id));
            Assert.Equal(1L, await ScalarAsync<long>(connection, "SELECT count(*) FROM evidencefiles WHERE serviceid = @s AND bodyid = @id", serviceId, department));

            // Another host: its own empty data folder, the same database.
            using var otherDatabase = new DatabaseConnections(new StorageSettings { DataDirectory = otherFolder, PostgresConnectionString = postgres, ServiceId = serviceId });
            var otherHost = new EvidenceStore(Microsoft.Extensions.Options.Options.Create(new EvidenceOptions()),
                Microsoft.Extensions.Options.Options.Create(new ServerOptions { DataDirectory = otherFolder }), otherDatabase);
            var found = await otherHost.FindAsync(id, CancellationToken.None);
            Assert.Equal(("落实情况.pdf", department, (long)Pdf.Length), (found!.Name, found.BodyId, found.Size));
            await using (var read = await otherHost.OpenAsync(found, CancellationToken.None))
            using (var copy = new MemoryStream())
            {
                await read.CopyToAsync(copy);
                Assert.Equal(Pdf, copy.ToArray());
            }

            // Bytes changed behind the server's back: the download breaks off instead of serving them as the upload.
            await using (var tamper = new NpgsqlCommand("UPDATE evidencefiles SET content = overlay(content placing '\\x00'::bytea from 100) WHERE serviceid = @s AND id = @id", connection))
            {
                tamper.Parameters.AddWithValue("s", serviceId);
                tamper.Parameters.AddWithValue("id", id);
                Assert.Equal(1, await tamper.ExecuteNonQueryAsync());
            }

            await Assert.ThrowsAnyAsync<Exception>(() => client.GetByteArrayAsync($"/api/evidence/{id}"));
            var tampered = await otherHost.OpenAsync(found, CancellationToken.None);
            await using (tampered)
            {
                var failure = await Assert.ThrowsAsync<InvalidDataException>(() => tampered.CopyToAsync(Stream.Null));
                Assert.Contains("已损坏", failure.Message);
            }
        }
        finally
        {
            TempFolder.Delete(dataFolder);
            TempFolder.Delete(otherFolder);
        }
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, string service, string id)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("s", service);
        command.Parameters.AddWithValue("id", id);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static MultipartFormDataContent Form(string name, byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", name } };
    }
}
