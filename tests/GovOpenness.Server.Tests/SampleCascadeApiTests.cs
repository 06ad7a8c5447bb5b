using System.Net;

namespace GovOpenness.Server.Tests;

[Collection(SeededServerCollection.Name)]
public sealed class SampleCascadeApiTests(SeededServer server)
{
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task HealthAndAliveAnswer()
    {
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/alive")).StatusCode);
        var health = await Json.ReadAsync(await _client.GetAsync("/health"));
        Assert.Equal("healthy", health.GetProperty("status").GetString());
    }

    [Fact]
    public async Task XiaoyiDiffShowsTheEndOfNovemberDeadlinesMovedToEndOfJuly()
    {
        var response = await _client.GetAsync("/api/bodies/141181/plans/2022/diff");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var diff = await Json.ReadAsync(response);
        var moves = diff.GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("field").GetString() == "deadline")
            .Select(e => (e.TryGetProperty("from", out var from) ? from.GetString() : null, e.GetProperty("to").GetString()))
            .ToList();
        Assert.Contains(("2022-11-30", "2022-07-31"), moves);
    }

    [Fact]
    public async Task LvliangAdoptsTheProvincePlanAsIs()
    {
        var plan = await Json.ReadAsync(await _client.GetAsync("/api/bodies/1411/plans/2022"));
        var diff = await Json.ReadAsync(await _client.GetAsync("/api/bodies/1411/plans/2022/diff"));
        var province = await Json.ReadAsync(await _client.GetAsync("/api/bodies/14/plans/2022"));

        Assert.Empty(diff.GetProperty("entries").EnumerateArray());
        Assert.Equal(province.GetProperty("items").GetArrayLength(), plan.GetProperty("items").GetArrayLength());
        Assert.All(plan.GetProperty("items").EnumerateArray(), i => Assert.Equal("14", i.GetProperty("originBodyId").GetString()));
    }

    [Fact]
    public async Task ProvinceChildrenComeInPages()
    {
        var page = await Json.ReadAsync(await _client.GetAsync("/api/bodies/14?skip=2&take=3"));

        Assert.Equal("山西省", page.GetProperty("body").GetProperty("name").GetString());
        Assert.Equal(3, page.GetProperty("children").GetArrayLength());
        Assert.True(page.GetProperty("childCount").GetInt32() > 11);
        Assert.Contains(page.GetProperty("publishedYears").EnumerateArray(), y => y.GetInt32() == 2021);
    }

    [Fact]
    public async Task EnvironmentDepartmentsAreListedUnderTheirProvinces()
    {
        var shanxi = await Json.ReadAsync(await _client.GetAsync("/api/bodies/14?take=500"));
        var jiangsu = await Json.ReadAsync(await _client.GetAsync("/api/bodies/32.sthj"));

        Assert.Contains(shanxi.GetProperty("children").EnumerateArray(), c => c.GetProperty("id").GetString() == "14.sthj");
        Assert.Equal("江苏省生态环境厅", jiangsu.GetProperty("body").GetProperty("name").GetString());
        Assert.Contains(jiangsu.GetProperty("publishedYears").EnumerateArray(), y => y.GetInt32() == 2022);
    }
}
