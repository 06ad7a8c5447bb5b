using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace GovOpenness.DeskBenchmark;

/// <summary>The signed-in supervisor's HTTP client: the settled signal and timed summary reads.</summary>
public sealed class DeskClient
{
    private readonly HttpClient _http;

    public DeskClient(Uri baseAddress, string token)
    {
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(10) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>
    /// Waits for the silo's settled signal (GET /health/settled?wait=120 answers as soon as it settles); asks
    /// again only when a whole wait passed unsettled. Answers the report's text.
    /// </summary>
    public async Task<string> SettledAsync()
    {
        for (var asked = 1; ; asked++)
        {
            using var answer = await _http.GetAsync("/health/settled?wait=120");
            var text = await answer.Content.ReadAsStringAsync();
            if (answer.IsSuccessStatusCode)
            {
                return $"{asked} wait(s)";
            }

            if (answer.StatusCode != HttpStatusCode.ServiceUnavailable || asked == 10)
            {
                throw new InvalidOperationException($"the silo did not settle: {(int)answer.StatusCode} {text}");
            }
        }
    }

    /// <summary>One download (an export): its wall time to the last byte and the bytes.</summary>
    public async Task<(double Ms, byte[] Body)> DownloadAsync(string url)
    {
        var watch = Stopwatch.StartNew();
        using var answer = await _http.GetAsync(url);
        var body = await answer.Content.ReadAsByteArrayAsync();
        var ms = watch.Elapsed.TotalMilliseconds;
        if (!answer.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{url}: {(int)answer.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
        }

        return (ms, body);
    }

    /// <summary>One summary read: its wall time to the last byte, and the counts it answered.</summary>
    public async Task<(double Ms, SummaryFigures Counts)> SummaryAsync(string url)
    {
        var watch = Stopwatch.StartNew();
        using var answer = await _http.GetAsync(url);
        var text = await answer.Content.ReadAsStringAsync();
        var ms = watch.Elapsed.TotalMilliseconds;
        if (!answer.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{url}: {(int)answer.StatusCode} {text}");
        }

        var counts = JsonDocument.Parse(text).RootElement.GetProperty("summary").GetProperty("counts");
        return (ms, new SummaryFigures(
            counts.GetProperty("bodies").GetInt64(), counts.GetProperty("items").GetInt64(),
            counts.GetProperty("itemsReported").GetInt64(), counts.GetProperty("itemsOverdue").GetInt64()));
    }
}

/// <summary>The counts a summary answered, enough to check what was recounted.</summary>
public sealed record SummaryFigures(long Bodies, long Items, long Reported, long Overdue);
