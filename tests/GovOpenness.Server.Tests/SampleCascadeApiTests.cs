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
    public async Task XiaoyiKeepsEveryTighteningOfAnItemAndItsDeadlineKind()
    {
        var plan = await Json.ReadAsync(await _client.GetAsync("/api/bodies/141181/plans/2022"));
        var diff = await Json.ReadAsync(await _client.GetAsync("/api/bodies/141181/plans/2022/diff"));

        var deadlines = plan.GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("item"))
            .ToDictionary(
                i => i.GetProperty("id").GetString()!,
                i => i.GetProperty("deadlines").EnumerateArray()
                    .Select(d => (Kind: d.GetProperty("kind").GetString(), Date: d.TryGetProperty("date", out var date) ? date.GetString() : null))
                    .ToList());
        // 3.2: 双减 by 9月底 and the other part by 7月底 — two tightenings of one item, both kept.
        Assert.Contains(deadlines["3.2"], d => d.Date == "2022-07-31");
        Assert.Contains(deadlines["3.2"], d => d.Date == "2022-09-30");
        // 3.1: 从10月起 became 从8月起, still a "from" deadline.
        Assert.Contains(deadlines["3.1"], d => d is { Kind: "from", Date: "2022-08-01" });
        var moves = diff.GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("field").GetString() == "deadline")
            .Select(e => (e.GetProperty("itemId").GetString(), e.TryGetProperty("from", out var from) ? from.GetString() : null, e.GetProperty("to").GetString()));
        Assert.Contains(("2.1", "2022-11-30", "2022-07-31"), moves);
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
