using System.Net;
using System.Text.Json;
using GovOpenness.Server.Desk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GovOpenness.Server.Tests;

/// <summary>
/// A past day recounted in parts: 山西省's subtree (1,486 bodies) recounted with a batch lowered to 40
/// bodies (so it is split province → prefectures → counties) answers exactly what the recount in one
/// piece answers: the summary, the children's counts, an opened figure.
/// </summary>
[Collection(SeededServerCollection.Name)]
public sealed class AsOfRecountApiTests(SeededServer server)
{
    private const string YearEnd = "2022-12-31";

    private readonly HttpClient _client = server.Client;

    [Theory]
    [InlineData("/api/bodies/14/summary?year=2022&asOf=" + YearEnd)]
    [InlineData("/api/bodies/14/summary/explain?year=2022&figure=itemsOverdue&asOf=" + YearEnd)]
    [InlineData("/api/bodies/14/summary/explain?year=2022&figure=score&asOf=" + YearEnd)]
    [InlineData("/api/bodies/14/children/summaries?year=2022&take=100&asOf=" + YearEnd)]
    public async Task A_subtree_larger_than_a_batch_answers_what_the_recount_in_one_piece_answers(string url)
    {
        var options = server.Factory.Services.GetRequiredService<IOptions<DeskOptions>>().Value;
        var batch = options.RecountBatchBodies;
        Assert.True(batch > 1_486, "the default batch holds 山西省 in one piece");

        var whole = await ReadAsync(url);
        options.RecountBatchBodies = 40;
        string parts;
        try
        {
            parts = await ReadAsync(url);
        }
        finally
        {
            options.RecountBatchBodies = batch;
        }

        Assert.Equal(whole, parts);
    }

    [Fact]
    public async Task The_figures_compared_are_not_empty()
    {
        var summary = JsonDocument.Parse(await ReadAsync($"/api/bodies/14/summary?year=2022&asOf={YearEnd}")).RootElement;
        var counts = summary.GetProperty("summary").GetProperty("counts");

        Assert.True(counts.GetProperty("bodies").GetInt64() >= 1_486);
        Assert.True(counts.GetProperty("items").GetInt64() > 0);
        Assert.True(counts.GetProperty("itemsOverdue").GetInt64() > 0, counts.ToString());
    }

    [Fact]
    public async Task The_whole_country_on_a_past_day_is_the_sum_of_its_provinces()
    {
        await _client.WaitSettledAsync(); // the live roll-up reached cn: no waiting by the clock

        static JsonElement Counts(string json) => JsonDocument.Parse(json).RootElement.GetProperty("summary").GetProperty("counts").Clone();
        var country = JsonDocument.Parse(await ReadAsync($"/api/bodies/cn/summary?year=2022&asOf={YearEnd}")).RootElement;
        var shanxi = Counts(await ReadAsync($"/api/bodies/14/summary?year=2022&asOf={YearEnd}"));
        var jiangsu = Counts(await ReadAsync($"/api/bodies/32/summary?year=2022&asOf={YearEnd}")); // 江苏省生态环境厅's plan

        var counts = country.GetProperty("summary").GetProperty("counts");
        // Every body of the hierarchy, the provinces without a plan counted without reading their records.
        Assert.InRange(counts.GetProperty("bodies").GetInt64(), 44_695, 44_800);
        foreach (var figure in new[] { "items", "itemsOverdue", "itemsDueSoon", "overdueDaysSum", "bodiesWithOverdue" })
        {
            Assert.Equal(shanxi.GetProperty(figure).GetInt64() + jiangsu.GetProperty(figure).GetInt64(), counts.GetProperty(figure).GetInt64());
        }

        Assert.Equal("red", country.GetProperty("light").GetString()); // a national account sees its light on a past day
    }

    private async Task<string> ReadAsync(string url)
    {
        var response = await _client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode} {body}");
        return body;
    }
}
