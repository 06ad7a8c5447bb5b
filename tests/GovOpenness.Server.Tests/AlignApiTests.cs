using System.Net;
using System.Text.Json;

namespace GovOpenness.Server.Tests;

[Collection(SeededServerCollection.Name)]
public sealed class AlignApiTests(SeededServer server)
{
    /// <summary>A numbered plan of another genre: nothing in it carries out a government-openness plan.</summary>
    private const string UnrelatedPlan = """
        某县2022年校园体育工作安排

        一、普及校园足球
        （一）组织中小学足球联赛。各乡镇中心学校每学期至少组织一次班级联赛，9月底前报送赛程。（责任单位：县体育中心）
        （二）培训体育教师。暑假期间举办两期足球教练员培训班，每校选派一名教师参加。（责任单位：县教研室）
        二、保障课外锻炼
        （三）落实每天一小时锻炼。课间操与大课间活动纳入学校日常考核，体育器材每年补充更新。（责任单位：各中小学校）
        （四）开展冬季长跑。11月至次年2月组织全体学生晨跑，记录里程并评选优秀班级。（责任单位：各中小学校）
        """;

    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task XiaoyiAgainstTheProvinceCarriesMostItemsAndMovesEndOfNovemberToEndOfJuly()
    {
        var response = await PostAlignAsync(SampleDocuments.Read("001"), SampleDocuments.Read("002"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await Json.ReadAsync(response);
        Assert.True(report.GetProperty("coverage").GetDouble() > 0.5, $"coverage {report.GetProperty("coverage")}");
        var shifts = report.GetProperty("pairs").EnumerateArray()
            .SelectMany(p => p.GetProperty("deadlineShifts").EnumerateArray())
            .Select(s => (s.GetProperty("from").GetString(), s.GetProperty("to").GetString()))
            .ToList();
        Assert.Contains(("2022-11-30", "2022-07-31"), shifts);
    }

    [Fact]
    public async Task ReportHasTheShapeTheCliPrints()
    {
        var report = await Json.ReadAsync(await PostAlignAsync(SampleDocuments.Read("001"), SampleDocuments.Read("002")));

        var pair = report.GetProperty("pairs").EnumerateArray().First();
        foreach (var name in new[] { "childId", "childHeading", "parentIds", "parentHeading", "change", "deadlineShifts", "confidence" })
        {
            Assert.True(pair.TryGetProperty(name, out _), $"pair without {name}");
        }

        Assert.Equal(JsonValueKind.Array, report.GetProperty("dropped").ValueKind);
        Assert.Equal(JsonValueKind.Array, report.GetProperty("added").ValueKind);
        Assert.Equal(2022, report.GetProperty("child").GetProperty("year").GetInt32());
    }

    [Fact]
    public async Task UnrelatedDocumentsGiveLowCoverage()
    {
        var response = await PostAlignAsync(SampleDocuments.Read("001"), UnrelatedPlan);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var coverage = (await Json.ReadAsync(response)).GetProperty("coverage").GetDouble();
        Assert.True(coverage < 0.2, $"coverage {coverage}");
    }

    [Fact]
    public async Task EmptyChildIsABadRequestProblemNamingTheLowerDocument()
    {
        var response = await PostAlignAsync(SampleDocuments.Read("001"), "");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = (await Json.ReadAsync(response)).GetProperty("detail").GetString();
        Assert.Contains("下级", detail);
    }

    [Fact]
    public async Task ChildWithoutNumberedItemsIsABadRequestProblemNamingTheLowerDocument()
    {
        var response = await PostAlignAsync(SampleDocuments.Read("001"), "这是一段没有编号条目的文字。");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = (await Json.ReadAsync(response)).GetProperty("detail").GetString();
        Assert.Contains("下级", detail);
        Assert.DoesNotContain("上级", detail);
    }

    [Fact]
    public async Task OversizedAlignRequestIsAPayloadTooLargeProblem()
    {
        var response = await PostAlignAsync(new string('政', 600_000), "");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("请求内容过大", (await Json.ReadAsync(response)).GetProperty("title").GetString());
    }

    private Task<HttpResponseMessage> PostAlignAsync(string parent, string child) =>
        _client.PostAsync("/api/align", Json.Body(JsonSerializer.Serialize(new { parent, child })));
}
