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

    private async Task<string> ReadAsync(string url)
    {
        var response = await _client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode} {body}");
        return body;
    }
}
