using System.Net;
using System.Text;

namespace GovOpenness.Server.Tests;

[Collection(SeededServerCollection.Name)]
public sealed class ImportApiTests(SeededServer server)
{
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task ImportingXiaoyisDocumentUnderLvliangRecordsTheEndOfJulyDeadlineMove()
    {
        var id = await AddDepartmentUnderLvliangAsync();

        var response = await _client.PostAsync($"/api/bodies/{id}/plans/2022/import", Text(SampleDocuments.Read("002")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var imported = await Json.ReadAsync(response);
        Assert.True(imported.GetProperty("alignment").GetProperty("coverage").GetDouble() > 0.5);
        var diff = await Json.ReadAsync(await _client.GetAsync($"/api/bodies/{id}/plans/2022/diff"));
        var moves = diff.GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("field").GetString() == "deadline")
            .Select(e => (e.TryGetProperty("from", out var from) ? from.GetString() : null, e.GetProperty("to").GetString()))
            .ToList();
        Assert.Contains(("2022-11-30", "2022-07-31"), moves);
    }

    [Fact]
    public async Task ImportingForAnUnknownBodyIsANotFoundProblem()
    {
        var response = await _client.PostAsync("/api/bodies/14.nosuchbody/plans/2022/import", Text(SampleDocuments.Read("002")));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("14.nosuchbody", (await Json.ReadAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ImportingWhenTheParentHasNoPlanForTheYearIsAConflictProblemNamingTheYear()
    {
        var response = await _client.PostAsync("/api/bodies/141181/plans/2031/import", Text(SampleDocuments.Read("002")));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var detail = (await Json.ReadAsync(response)).GetProperty("detail").GetString();
        Assert.Contains("2031", detail);
        Assert.Contains("1411", detail);
    }

    [Fact]
    public async Task ImportingAnEmptyDocumentIsABadRequestProblemNamingTheLowerDocument()
    {
        var response = await _client.PostAsync("/api/bodies/141181/plans/2022/import", Text(""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("下级", (await Json.ReadAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ImportingADocumentThatLoosensAParentDeadlineIsRefusedWithTheDates()
    {
        var loosened = SampleDocuments.Read("002").Replace("7月底前完成全市对收集", "12月底前完成全市对收集", StringComparison.Ordinal);

        var id = await AddDepartmentUnderLvliangAsync();

        var response = await _client.PostAsync($"/api/bodies/{id}/plans/2022/import", Text(loosened));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("2022-12-31", (await Json.ReadAsync(response)).GetProperty("detail").GetString());
    }

    /// <summary>A fresh body per test, so importing never changes the seeded bodies other tests read.</summary>
    private async Task<string> AddDepartmentUnderLvliangAsync()
    {
        var id = $"1411.import{Guid.NewGuid():N}"[..20];
        var added = await _client.PostAsync("/api/bodies", Json.Body($$"""{"id":"{{id}}","name":"导入测试局","parentId":"1411"}"""));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        return id;
    }

    private static StringContent Text(string document) => new(document, Encoding.UTF8, "text/plain");
}
