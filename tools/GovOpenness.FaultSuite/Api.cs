using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GovOpenness.FaultSuite;

/// <summary>HTTP to the silos: any live one, retried on another when one fails or answers 503 (as a client would).</summary>
public sealed class Api(IReadOnlyList<SiloProcess> silos, Random random)
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(40) };

    /// <summary>Answers with status 500 and no Retry-After seen so far (issue 11: never a bare 500).</summary>
    public int Bare500s;

    public int Unavailable503s;

    public int ConnectionFailures;

    public async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpMethod method, string path, JsonNode? body = null, int attempts = 20)
    {
        for (var attempt = 0; ; attempt++)
        {
            var live = silos.Where(s => s.Running).ToList();
            var silo = live.Count > 0 ? live[random.Next(live.Count)] : silos[0];
            try
            {
                using var request = new HttpRequestMessage(method, new Uri(silo.Url, path));
                if (body is not null)
                {
                    request.Content = JsonContent.Create(body);
                }

                using var response = await _http.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    Interlocked.Increment(ref Unavailable503s);
                }
                else if (response.StatusCode == HttpStatusCode.InternalServerError)
                {
                    Interlocked.Increment(ref Bare500s);
                }
                else
                {
                    return (response.StatusCode, text);
                }

                if (attempt + 1 >= attempts)
                {
                    return (response.StatusCode, text);
                }

                var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
                await Task.Delay(wait);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref ConnectionFailures);
                if (attempt + 1 >= attempts)
                {
                    return (0, e.Message);
                }

                await Task.Delay(500);
            }
        }
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, path);
        return status == HttpStatusCode.OK ? JsonDocument.Parse(body).RootElement.Clone() : throw new InvalidOperationException($"GET {path}: {(int)status} {body}");
    }
}
