using System.Net;
using System.Text;
using GovOpenness.Domain.Parsing;

namespace GovOpenness.Server.Tests;

/// <summary>Importing a 分工方案 over real HTTP against the seeded 山西省 plan (001), for a department added for the test.</summary>
[Collection(SeededServerCollection.Name)]
public sealed class DivisionImportApiTests(SeededServer server)
{
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task ANamedDepartmentGetsExactlyTheItemsItLeadsOrCooperatesOnAndUnknownNamesAreListed()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var id = $"14.div{suffix}";
        var name = $"山西省分工{suffix}厅";
        var added = await _client.PostAsync("/api/bodies", Json.Body($$"""{"id":"{{id}}","name":"{{name}}","parentId":"14"}"""));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);

        // Two of the province's own items, restated as the rows of a division table.
        var province = PlanParser.Parse(SampleDocuments.Read("001"));
        var leaves = province.Items.Where(i => !province.Items.Any(o => o.Id.StartsWith(i.Id + ".", StringComparison.Ordinal))).ToList();
        var (first, second) = (leaves[0], leaves[^1]);
        var table = "山西省2022年政务公开工作要点分工方案\n\n| 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 |\n"
            + $"| 1 | {OneLine(first)} | 省分工{suffix}厅 | 省无此部门局 | 持续推进 |\n"
            + $"| 2 | {OneLine(second)} | 省无此部门局 | 省分工{suffix}厅 | 年底前 |\n";

        var response = await _client.PostAsync("/api/bodies/14/plans/2022/division", new StringContent(table, Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await Json.ReadAsync(response);
        var department = result.GetProperty("departments").EnumerateArray().Single(d => d.GetProperty("id").GetString() == id);
        Assert.Equal([first.Id], department.GetProperty("leads").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([second.Id], department.GetProperty("cooperates").EnumerateArray().Select(e => e.GetString()));
        Assert.False(department.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKindNull, "localize refused");
        Assert.Contains("省无此部门局", result.GetProperty("unmatched").EnumerateArray().Select(e => e.GetString()));

        var plan = await Json.ReadAsync(await _client.GetAsync($"/api/bodies/{id}/plans/2022"));
        var kept = plan.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("item").GetProperty("id").GetString()).ToList();
        Assert.Contains(first.Id, kept);
        Assert.Contains(second.Id, kept);
        Assert.DoesNotContain(leaves[1].Id, kept);
    }

    [Fact]
    public async Task ADivisionTableForAnUnknownBodyIsANotFoundProblem()
    {
        var response = await _client.PostAsync("/api/bodies/14.nosuchbody/plans/2022/division",
            new StringContent("某省2022年分工方案\n\n| 序号 | 工作任务 | 牵头单位 |\n| 1 | 做好公开。 | 省财政厅 |\n", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    private static string OneLine(GovOpenness.Domain.Plans.PlanItem item)
        => $"{item.Heading}{item.Text}".ReplaceLineEndings(string.Empty).Replace("|", string.Empty, StringComparison.Ordinal);
}
