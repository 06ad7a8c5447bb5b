using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace GovOpenness.Server.Tests.Workspace;

/// <summary>Evidence files (佐证材料) over real HTTP: type and size checked in Chinese, hashed, kept, readable by who reads the body.</summary>
[Collection(WorkspaceCollection.Name)]
public sealed class EvidenceApiTests(WorkspaceServer fixture)
{
    private static readonly byte[] Pdf = [.. "%PDF-1.4\n% 测试佐证材料\n"u8.ToArray(), .. Enumerable.Range(0, 3000).Select(i => (byte)(i % 251))];

    [Fact]
    public async Task An_uploaded_file_is_hashed_stored_and_downloadable_by_readers_of_the_body_only()
    {
        using var reporter = fixture.As("650102", "reporter");
        using var response = await reporter.PostAsync("/api/bodies/650102/evidence", Form("公开情况.pdf", Pdf));
        var info = await Json.ReadAsync(response);
        var id = info.GetProperty("id").GetString()!;

        using var parentReader = fixture.As("6501", "reviewer");
        var downloaded = await parentReader.GetByteArrayAsync($"/api/evidence/{id}");
        using var sibling = fixture.As("650103", "reviewer");
        using var refused = await sibling.GetAsync($"/api/evidence/{id}");
        var history = (await Json.ReadAsync(await fixture.Client.GetAsync("/api/bodies/650102/history?kind=evidence"))).EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), info.GetProperty("sha256").GetString());
        Assert.Equal(("公开情况.pdf", "application/pdf", (long)Pdf.Length),
            (info.GetProperty("name").GetString(), info.GetProperty("contentType").GetString(), info.GetProperty("size").GetInt64()));
        Assert.Equal(Pdf, downloaded);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("公开情况.pdf", Assert.Single(history).GetProperty("summary").GetString());
    }

    [Fact]
    public async Task A_wrong_type_an_oversized_file_or_another_bodys_reporter_is_refused_and_nothing_is_stored()
    {
        using var reporter = fixture.As("650104", "reporter");
        var folder = Path.Combine(fixture.Server.DataDirectory, "evidence");
        var before = Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0;

        using var exe = await reporter.PostAsync("/api/bodies/650104/evidence", Form("报告.exe", [0x4D, 0x5A, 0x90, 0x00]));
        using var disguised = await reporter.PostAsync("/api/bodies/650104/evidence", Form("报告.pdf", [0x4D, 0x5A, 0x90, 0x00]));
        using var large = await reporter.PostAsync("/api/bodies/650104/evidence", Form("大文件.pdf", [.. "%PDF"u8.ToArray(), .. new byte[WorkspaceServer.EvidenceLimit]]));
        using var foreign = await fixture.As("650105", "reporter").PostAsync("/api/bodies/650104/evidence", Form("a.pdf", Pdf));
        var after = Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0;

        Assert.Equal(HttpStatusCode.BadRequest, exe.StatusCode);
        Assert.Contains("不支持的佐证材料类型", (await Json.ReadAsync(exe)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, disguised.StatusCode);
        Assert.Contains("不符", (await Json.ReadAsync(disguised)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Contains("过大", (await Json.ReadAsync(large)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task A_step_names_uploaded_files_of_its_own_body_only()
    {
        await fixture.PublishAsync(2050);
        var id = (await Json.ReadAsync(await fixture.As("650106", "reporter").PostAsync("/api/bodies/650106/evidence", Form("a.pdf", Pdf)))).GetProperty("id").GetString();
        await fixture.Client.PostAsync("/api/bodies/650107/progress", Json.Body("""{"year":2050,"itemId":"1","step":"acknowledged"}"""));
        await fixture.Client.PostAsync("/api/bodies/650106/progress", Json.Body("""{"year":2050,"itemId":"1","step":"acknowledged"}"""));

        using var others = await fixture.Client.PostAsync("/api/bodies/650107/progress", Json.Body($$"""{"year":2050,"itemId":"1","step":"reported","evidence":["{{id}}"]}"""));
        using var own = await fixture.Client.PostAsync("/api/bodies/650106/progress", Json.Body($$"""{"year":2050,"itemId":"1","step":"reported","evidence":["{{id}}","https://www.example.gov.cn/1"]}"""));
        var items = await Json.ReadAsync(await fixture.Client.GetAsync("/api/bodies/650106/progress?year=2050"));

        Assert.Equal(HttpStatusCode.BadRequest, others.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains(items.GetProperty("items")[0].GetProperty("evidence").EnumerateArray(), e => e.GetString() == id);
    }

    private static MultipartFormDataContent Form(string name, byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", name } };
    }
}
