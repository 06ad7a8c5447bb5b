using System.Net;

namespace GovOpenness.Server.Tests;

[Collection(SeededServerCollection.Name)]
public sealed class ApiErrorTests(SeededServer server)
{
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task DepartmentUnderAnUnknownParentIsANotFoundProblem()
    {
        var response = await _client.PostAsync("/api/bodies", Json.Body("""{"id":"14.nope","name":"无上级局","parentId":"99"}"""));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Json.ReadAsync(response);
        Assert.Contains("99", problem.GetProperty("detail").GetString());
        Assert.Equal("未找到", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task MalformedJsonIsABadRequestProblemNamingWhere()
    {
        var response = await _client.PostAsync("/api/bodies", Json.Body("""{"id": "14.x", "name": """));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("JSON", (await Json.ReadAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task OversizedRequestIsAPayloadTooLargeProblem()
    {
        var huge = new StringContent(new string('政', 600_000), System.Text.Encoding.UTF8, "text/plain");

        var response = await _client.PostAsync("/api/bodies/15/plans", huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("请求内容过大", (await Json.ReadAsync(response)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task UnknownBodyIsANotFoundProblem()
    {
        var response = await _client.GetAsync("/api/bodies/99999999/plans/2022");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("99999999", (await Json.ReadAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task LaterDeadlineThanTheParentsIsRejectedWithTheDates()
    {
        var response = await _client.PostAsync("/api/bodies/1411/plans/2022/localize",
            Json.Body("""{"changes":[{"itemId":"2.1","deadline":{"text":"12月底前","kind":"by","date":"2022-12-31"}}]}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("2022-12-31", (await Json.ReadAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnItemWeightOutOfRangeIsABadRequestNamingTheItem()
    {
        var response = await _client.PostAsync("/api/bodies/15/plans", Json.Body(
            """{"year":2023,"title":"2023年政务公开工作要点","items":[{"id":"1","heading":"公开预算","text":"公开预算信息","deadlines":[],"units":["财政厅"],"weight":1001}]}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // Refused at the door now, naming the field by its path and the value.
        var detail = (await Json.ReadAsync(response)).GetProperty("detail").GetString();
        Assert.Contains("items[0].weight（权重）", detail);
        Assert.Contains("1001", detail);
    }
}
