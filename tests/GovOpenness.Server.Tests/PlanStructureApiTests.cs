using System.Net;
using System.Text;

namespace GovOpenness.Server.Tests;

/// <summary>
/// 山西省's 2021 plan (三 levels: 一、 / （一） / 1.) on the seeded server: only its leaves are tasks, in the
/// progress table, the subtree's item count and the 台账; the （一） headings above 1. 2. 3. are structure.
/// </summary>
[Collection(SeededServerCollection.Name)]
public sealed class PlanStructureApiTests(SeededServer server)
{
    private readonly HttpClient _client = server.Client;

    /// <summary>The plan's leaves from the ids alone: an entry is a task when no other entry's id extends it.</summary>
    private async Task<List<string>> LeavesAsync(string bodyId)
    {
        var plan = await Json.ReadAsync(await _client.GetAsync($"/api/bodies/{bodyId}/plans/2021"));
        var ids = plan.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("item").GetProperty("id").GetString()!).ToList();
        return [.. ids.Where(id => !ids.Any(o => o.StartsWith(id + ".", StringComparison.Ordinal)))];
    }

    [Fact]
    public async Task The_2021_progress_table_holds_the_leaves_only()
    {
        var leaves = await LeavesAsync("14");
        var response = await _client.GetAsync("/api/bodies/14/progress?year=2021");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var table = await Json.ReadAsync(response);
        var items = table.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("itemId").GetString()!).ToList();
        Assert.Equal(25, leaves.Count);
        Assert.Equal(leaves, items);
        Assert.DoesNotContain("1.1", items); // （一）加强转型发展政策主动公开
    }

    [Fact]
    public async Task The_2021_ledger_has_one_row_per_body_and_leaf()
    {
        var leaves = await LeavesAsync("141181");
        var response = await _client.GetAsync("/api/bodies/141181/ledger?year=2021&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        var own = text.Split("\r\n").Where(l => l.StartsWith("141181,", StringComparison.Ordinal)).Select(l => l.Split(',')[3]).ToList();
        Assert.Equal(leaves, own);
    }
}
