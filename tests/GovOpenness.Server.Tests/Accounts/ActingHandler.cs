using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using GovOpenness.Grains.Storage.Accounts;
using GovOpenness.Server.Accounts;
using GovOpenness.Server.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace GovOpenness.Server.Tests;

/// <summary>
/// What the test servers' clients do by default: act as an account of the body a request acts on, with
/// every role, through a bearer token issued by the server's own <see cref="AccessTokens"/> — a write to
/// <c>/api/bodies/{id}/…</c> (POST, PUT, DELETE) as an account of <c>{id}</c>, a review step as one of its parent, a request
/// with <c>X-Body-Id</c> as one of that body, anything else as one of cn. So the tests written before
/// accounts keep testing what they tested, through real authentication and authorization; the account
/// tests sign in with passwords instead.
/// </summary>
public sealed class ActingHandler(Func<IServiceProvider> services) : DelegatingHandler
{
    public const string ActAsHeader = "X-Body-Id";

    private readonly ConcurrentDictionary<string, string> _tokens = new(StringComparer.Ordinal);

    public static HttpClient Client(Func<IServiceProvider> services, Uri baseAddress) =>
        new(new ActingHandler(services) { InnerHandler = new HttpClientHandler() }) { BaseAddress = baseAddress };

    /// <summary>A token of an account of <paramref name="bodyId"/> with every role.</summary>
    public static string TokenFor(IServiceProvider services, string bodyId) =>
        services.GetRequiredService<AccessTokens>().Issue(AccountClaims.Principal("test-" + bodyId, bodyId, AccountRoles.All, "test"));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.Authorization is null)
        {
            var body = await ActingBodyAsync(request, cancellationToken);
            request.Headers.Remove(ActAsHeader);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _tokens.GetOrAdd(body, b => TokenFor(services(), b)));
        }

        return await base.SendAsync(request, cancellationToken);
    }

    private async Task<string> ActingBodyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.TryGetValues(ActAsHeader, out var named))
        {
            return named.First();
        }

        var segments = request.RequestUri!.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (request.Method == HttpMethod.Get || segments.Length < 4 || segments[0] != "api" || segments[1] != "bodies")
        {
            return "cn";
        }

        var id = Uri.UnescapeDataString(segments[2]);
        if (segments[^1] == "progress" && request.Content is not null && await IsReviewAsync(request.Content, cancellationToken))
        {
            return (await services().GetRequiredService<BodyAncestry>().ResolveAsync(id)).ParentId ?? id;
        }

        return id;
    }

    private static async Task<bool> IsReviewAsync(HttpContent content, CancellationToken cancellationToken)
    {
        try
        {
            using var document = JsonDocument.Parse(await content.ReadAsStringAsync(cancellationToken));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("step", out var step) && step.ValueKind == JsonValueKind.String
                && step.GetString()?.ToLowerInvariant() is "accepted" or "returned";
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

/// <summary>The bootstrap administrator every test server starts with.</summary>
public static class TestAccounts
{
    public const string Admin = "admin";
    public const string AdminPassword = "test-admin-password";
    public const string BootstrapKey = "GovOpenness:Bootstrap:AdminPassword";
}
