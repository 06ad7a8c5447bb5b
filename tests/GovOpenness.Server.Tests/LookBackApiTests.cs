using System.Globalization;
using System.Net;

namespace GovOpenness.Server.Tests;

/// <summary>
/// 回头看 between two days over real HTTP: 吕梁市 at the end of 2021 against today (the 2021 plan against the
/// 2022 plan, each with its progress on its day), two days of one year, and bad days refused in Chinese.
/// </summary>
[Collection(SeededServerCollection.Name)]
public sealed class LookBackApiTests(SeededServer server)
{
    private readonly HttpClient _client = server.Client;

    private static string Today => DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_end_of_2021_against_today_compares_the_two_years_plans_and_their_progress()
    {
        var response = await _client.GetAsync("/api/bodies/1411/look-back?from=2021-12-31");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var look = await Json.ReadAsync(response);
        Assert.Equal("吕梁市", look.GetProperty("name").GetString());
        var from = look.GetProperty("from");
        var to = look.GetProperty("to");
        Assert.Equal(("2021-12-31", 2021), (from.GetProperty("day").GetString(), from.GetProperty("year").GetInt32()));
        Assert.Equal((Today, 2022), (to.GetProperty("day").GetString(), to.GetProperty("year").GetInt32()));
        // The sample's plans were entered today: the 2021 plan stands in with its current wording, and says so.
        Assert.True(from.GetProperty("planRecordedLater").GetBoolean());
        Assert.False(to.GetProperty("planRecordedLater").GetBoolean());

        var rows = look.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(look.GetProperty("added").GetInt32(), rows.Count(r => r.GetProperty("kind").GetString() == "added"));
        Assert.Equal(look.GetProperty("dropped").GetInt32(), rows.Count(r => r.GetProperty("kind").GetString() == "dropped"));
        Assert.True(look.GetProperty("carried").GetInt32() > 0 && look.GetProperty("added").GetInt32() > 0 && look.GetProperty("dropped").GetInt32() > 0);
        Assert.Contains(rows, r => r.GetProperty("kind").GetString() == "dropped" && r.GetProperty("then").GetProperty("heading").GetString()!.Contains("疫情", StringComparison.Ordinal));
        // Every 2022 item once, and each side's totals count that side's items.
        Assert.Equal(to.GetProperty("items").GetInt32(), rows.Count(r => r.TryGetProperty("now", out _)));
        var plan = await Json.ReadAsync(await _client.GetAsync("/api/bodies/1411/plans/2022"));
        var tasks = plan.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("item").GetProperty("depth").GetInt32() > 1);
        Assert.Equal(tasks, to.GetProperty("items").GetInt32());
    }

    [Fact]
    public async Task Progress_then_and_now_are_each_as_of_their_own_day()
    {
        var plan = await Json.ReadAsync(await _client.GetAsync("/api/bodies/141181104/plans/2022"));
        var item = plan.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("item")).First(i => i.GetProperty("depth").GetInt32() > 1).GetProperty("id").GetString();
        var posted = await _client.PostAsync("/api/bodies/141181104/progress", Json.Body($$"""{"year":2022,"itemId":"{{item}}","step":"acknowledged","requestId":"look-back-1"}"""));
        Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());

        var look = await Json.ReadAsync(await _client.GetAsync("/api/bodies/141181104/look-back?from=2022-12-31&fromYear=2022"));

        Assert.Equal((2022, 2022), (look.GetProperty("from").GetProperty("year").GetInt32(), look.GetProperty("to").GetProperty("year").GetInt32()));
        Assert.Equal(0, look.GetProperty("added").GetInt32() + look.GetProperty("dropped").GetInt32());
        var row = look.GetProperty("rows").EnumerateArray().Single(r => r.TryGetProperty("now", out var now) && now.GetProperty("itemId").GetString() == item);
        Assert.Equal("未签收", row.GetProperty("then").GetProperty("step").GetString()); // acknowledged today, not by 2022's end
        Assert.Equal("已签收", row.GetProperty("now").GetProperty("step").GetString());
        Assert.Equal("原样保留", row.GetProperty("change").GetString());
    }

    [Theory]
    [InlineData("/api/bodies/1411/look-back", "缺少起始日期")]
    [InlineData("/api/bodies/1411/look-back?from=2022-02-30", "from“2022-02-30”无效")]
    [InlineData("/api/bodies/1411/look-back?from=2022-12-31&to=2022-06-30", "应早于截止日期")]
    [InlineData("/api/bodies/1411/look-back?from=2099-01-01", "晚于今天")]
    [InlineData("/api/bodies/1411/look-back?from=2022-06-30&fromYear=1800", "年度“1800”无效")]
    [InlineData("/api/bodies/1411/look-back?from=1999-12-31", "只能回看2000年以来")]
    public async Task Bad_days_are_refused_in_Chinese(string url, string expected)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await Json.ReadAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_day_long_before_any_plan_is_not_found()
    {
        var response = await _client.GetAsync("/api/bodies/1411/look-back?from=2012-06-30");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("2007至2012年间没有工作要点", (await Json.ReadAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
