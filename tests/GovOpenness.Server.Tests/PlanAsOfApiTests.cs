using System.Globalization;
using System.Net;

namespace GovOpenness.Server.Tests;

/// <summary><c>GET /api/bodies/{id}/plans/{year}?asOf=…</c>: the plan as it stood at an earlier instant.</summary>
[Collection(SeededServerCollection.Name)]
public sealed class PlanAsOfApiTests(SeededServer server)
{
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task APlanReadAsOfAnInstantShowsTheVersionsInForceThenAtEveryLevel()
    {
        Assert.Equal(HttpStatusCode.Created, (await _client.PostAsync("/api/bodies/37/plans", Json.Body(Plan("第一版", "11月底前", "2037-11-30")))).StatusCode);
        var afterFirst = Instant();
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync("/api/bodies/3701/plans/2037/localize",
            Json.Body("""{"changes":[{"itemId":"1","deadline":{"text":"9月底前","kind":"by","date":"2037-09-30"}}]}"""))).StatusCode);
        var afterLocalized = Instant();
        Assert.Equal(HttpStatusCode.Created, (await _client.PostAsync("/api/bodies/37/plans", Json.Body(Plan("第二版", "11月底前", "2037-11-30")))).StatusCode);
        var afterSecond = Instant();

        Assert.Equal(("第二版", "11月底前"), await TitleAndDeadlineAsync("37", null));
        // After the first publication only: the prefecture adopted it as is.
        Assert.Equal(("第一版", "11月底前"), await TitleAndDeadlineAsync("37", afterFirst));
        Assert.Equal(("第一版", "11月底前"), await TitleAndDeadlineAsync("3701", afterFirst));
        // After the localization, before the second publication; a county reads it through two levels.
        Assert.Equal(("第一版", "9月底前"), await TitleAndDeadlineAsync("3701", afterLocalized));
        Assert.Equal(("第一版", "9月底前"), await TitleAndDeadlineAsync("370102", afterLocalized));
        // After the second publication: the prefecture's change on the province's second version.
        Assert.Equal(("第二版", "9月底前"), await TitleAndDeadlineAsync("3701", afterSecond));
    }

    [Fact]
    public async Task BeforeAnyPublicationThePlanIsNotFoundInChinese()
    {
        Assert.Equal(HttpStatusCode.Created, (await _client.PostAsync("/api/bodies/37/plans", Json.Body(Plan("第一版", "12月底前", "2038-12-31", 2038)))).StatusCode);

        var response = await _client.GetAsync("/api/bodies/3701/plans/2038?asOf=2001-01-01");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("2001年1月1日 23:59:59（北京时间）还没有2038年的计划", (await Json.ReadAsync(response)).GetProperty("detail").GetString());
        // A date means the end of that day in China: today's date includes the publication just made.
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/api/bodies/3701/plans/2038?asOf={today}")).StatusCode);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2022-13-01")]
    [InlineData("2022-06-30T25:00")]
    [InlineData("")]
    public async Task AnAsOfThatIsNoDateIsA400NamingTheField(string asOf)
    {
        var response = await _client.GetAsync($"/api/bodies/14/plans/2022?asOf={Uri.EscapeDataString(asOf)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = (await Json.ReadAsync(response)).GetProperty("detail").GetString();
        Assert.Contains("查询时点", detail);
        Assert.Contains("不是有效的日期或时间", detail);
    }

    [Theory]
    [InlineData("2022-06-30")]
    [InlineData("2030-06-30T14:30")]
    [InlineData("2030-06-30 14:30:05")]
    [InlineData("2030-06-30T06:30:05Z")]
    public async Task DatesAndChinaTimesAreAccepted(string asOf)
    {
        var response = await _client.GetAsync($"/api/bodies/14/plans/2022?asOf={Uri.EscapeDataString(asOf)}");

        // The sample cascade is seeded at start-up, after every one of these instants or (2022-06-30) before:
        // either way an answer about that instant, never a 400.
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.NotFound });
    }

    private static string Plan(string version, string deadline, string date, int year = 2037) => $$"""
        {"year":{{year}},"title":"测试计划（{{version}}）","items":[
          {"id":"1","heading":"公开预算","text":"公开预算决算","deadlines":[{"text":"{{deadline}}","kind":"by","date":"{{date}}"}],"units":["财政厅"]}]}
        """;

    /// <summary>Now, to the tick: the writes before it were stamped earlier, the next ones later (requests are milliseconds apart).</summary>
    private static string Instant() => DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture);

    private async Task<(string?, string?)> TitleAndDeadlineAsync(string body, string? asOf)
    {
        var path = $"/api/bodies/{body}/plans/2037" + (asOf is null ? "" : "?asOf=" + Uri.EscapeDataString(asOf));
        var response = await _client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var plan = await Json.ReadAsync(response);
        var deadline = plan.GetProperty("items")[0].GetProperty("item").GetProperty("deadlines")[0].GetProperty("text").GetString();
        return (plan.GetProperty("title").GetString()?.Replace("测试计划（", "", StringComparison.Ordinal).TrimEnd('）'), deadline);
    }
}
