using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GovOpenness.FaultSuite;

/// <summary>
/// HTTP to the silos: any live one, retried on another when one fails or answers 503 or 429 (after its Retry-After, as a client would),
/// each request as a signed-in account (a bearer token from <c>POST /api/auth/token</c>).
/// </summary>
public sealed class Api(IReadOnlyList<SiloProcess> silos, Random random)
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(40) };
    private readonly Dictionary<string, string> _tokens = [];

    /// <summary>The account requests are made as when they name none (the run's administrator).</summary>
    public string? DefaultAccount { get; set; }

    /// <summary>Answers with status 500 and no Retry-After seen so far (issue 11: never a bare 500).</summary>
    public int Bare500s;

    public int Unavailable503s;

    /// <summary>Answers 429 (the per-account rate limit), waited out and retried.</summary>
    public int RateLimited429s;

    public int ConnectionFailures;

    /// <summary>Signs the account in; its token is used for every later request made as it.</summary>
    public async Task SignInAsync(string account, string password)
    {
        _tokens.Remove(account);
        var (status, text) = await SendAsync(HttpMethod.Post, "api/auth/token", new JsonObject { ["account"] = account, ["password"] = password }, attempts: 100, account: "");
        if (status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"sign-in of {account} failed: {(int)status} {text}");
        }

        lock (_tokens)
        {
            _tokens[account] = JsonDocument.Parse(text).RootElement.GetProperty("accessToken").GetString()!;
        }
    }

    /// <summary>Creates an account (as the default account, an administrator) and signs it in.</summary>
    public async Task CreateAccountAsync(string account, string password, string bodyId, params string[] roles)
    {
        var request = new JsonObject { ["account"] = account, ["password"] = password, ["bodyId"] = bodyId, ["roles"] = new JsonArray([.. roles.Select(r => JsonValue.Create(r))]) };
        var (status, text) = await SendAsync(HttpMethod.Post, "api/accounts", request, attempts: 100);
        if ((int)status is < 200 or >= 300)
        {
            throw new InvalidOperationException($"creating account {account} failed: {(int)status} {text}");
        }

        await SignInAsync(account, password);
    }

    /// <param name="account">Who makes the request: null for <see cref="DefaultAccount"/>, "" for anonymous.</param>
    public async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpMethod method, string path, JsonNode? body = null, int attempts = 20, string? account = null)
    {
        account ??= DefaultAccount;
        string? token = null;
        if (!string.IsNullOrEmpty(account))
        {
            lock (_tokens)
            {
                token = _tokens.TryGetValue(account, out var known) ? known : throw new InvalidOperationException($"{account} has not signed in");
            }
        }

        for (var attempt = 0; ; attempt++)
        {
            var live = silos.Where(s => s.Running).ToList();
            var silo = live.Count > 0 ? live[random.Next(live.Count)] : silos[0];
            try
            {
                using var request = new HttpRequestMessage(method, new Uri(silo.Url, path));
                if (token is not null)
                {
                    request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
                }
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
                else if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    // Rate-limited: a client waits the Retry-After it was given, like after a 503.
                    Interlocked.Increment(ref RateLimited429s);
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
