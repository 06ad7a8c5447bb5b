using System.Net;

namespace GovOpenness.Server.Tests;

/// <summary>
/// Writes a department, a plan and a localization through one server, then reads them back through a
/// fresh one: the same scenario on SQLite and on PostgreSQL.
/// </summary>
internal static class StorageScenario
{
    public sealed record Written(string Department, string Child, int Year);

    public static async Task<Written> WriteAsync(Func<ServerFactory> start)
    {
        var key = Guid.NewGuid().ToString("N")[..8];
        var written = new Written($"13.d{key}", $"13.e{key}", 2040);
        await using var factory = start();
        var client = factory.CreateClient();
        Ensure(await client.PostAsync("/api/bodies", Json.Body($$"""{"id":"{{written.Department}}","name":"河北省测试厅","parentId":"13"}""")), HttpStatusCode.Created);
        Ensure(await client.PostAsync("/api/bodies", Json.Body($$"""{"id":"{{written.Child}}","name":"测试处","parentId":"{{written.Department}}"}""")), HttpStatusCode.Created);
        Ensure(await client.PostAsync($"/api/bodies/{written.Department}/plans", Json.Body("""
            {"year":2040,"title":"测试厅计划","items":[
              {"id":"1","heading":"公开","text":"公开信息","deadlines":[{"text":"11月底前","kind":"by","date":"2040-11-30"}],"units":["办公室"]}]}
            """)), HttpStatusCode.Created);
        Ensure(await client.PostAsync($"/api/bodies/{written.Child}/plans/2040/localize",
            Json.Body("""{"changes":[{"itemId":"1","deadline":{"text":"7月底前","kind":"by","date":"2040-07-31"}}]}""")), HttpStatusCode.OK);
        return written;
    }

    public static async Task VerifyAsync(Func<ServerFactory> start, Written written)
    {
        await using var factory = start();
        var client = factory.CreateClient();
        var body = await Json.ReadAsync(await client.GetAsync($"/api/bodies/{written.Department}"));
        var diff = await Json.ReadAsync(await client.GetAsync($"/api/bodies/{written.Child}/plans/{written.Year}/diff"));

        Assert.Equal("河北省测试厅", body.GetProperty("body").GetProperty("name").GetString());
        Assert.Contains(body.GetProperty("children").EnumerateArray(), c => c.GetProperty("id").GetString() == written.Child);
        var entry = Assert.Single(diff.GetProperty("entries").EnumerateArray());
        Assert.Equal("2040-07-31", entry.GetProperty("to").GetString());
    }

    private static void Ensure(HttpResponseMessage response, HttpStatusCode expected) =>
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {response.Content.ReadAsStringAsync().Result}");
}
