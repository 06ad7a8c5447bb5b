using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GovOpenness.Server.Tests.Contract;

/// <summary>
/// The HTTP contract: the OpenAPI document describes every API endpoint's request and answers, and the
/// viewer's TypeScript types are exactly what the document says (a drift fails here; the viewer's build
/// then type-checks its use of them).
/// </summary>
[Collection(SeededServerCollection.Name)]
public sealed class OpenApiContractTests(SeededServer server)
{
    private const string TypesFile = "src/GovOpenness.Server/ClientApp/src/generated/api-schema.ts";

    [Fact]
    public async Task EveryApiEndpointIsInTheDocumentWithItsAnswers()
    {
        var document = await ReadDocumentAsync();
        var paths = document.GetProperty("paths");
        var endpoints = server.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api/", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(endpoints);

        foreach (var endpoint in endpoints)
        {
            var path = "/" + string.Join('/', endpoint.RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                _ => "",
            }))));
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} missing from /openapi/v1.json");
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods)
            {
                var operation = item.GetProperty(method.ToLowerInvariant());
                var responses = operation.GetProperty("responses").EnumerateObject().ToList();
                // An answer with content, or one that has none by its nature: 204 (signed out, password
                // reset) or 302 (the identity provider's sign-in page).
                Assert.Contains(responses, r => (r.Name.StartsWith('2') && r.Value.TryGetProperty("content", out _)) || r.Name is "204" or "302");
                if (method == "POST" && path != "/api/auth/logout") // signing out sends nothing: its cookie says who
                {
                    Assert.True(operation.TryGetProperty("requestBody", out _), $"POST {path} has no request body in the document");
                    Assert.Contains(responses, r => r.Name == "400");
                    Assert.Contains(responses, r => r.Name == "415");
                }
            }
        }
    }

    [Fact]
    public async Task TheViewersTypesAreGeneratedFromTheDocument()
    {
        var generated = OpenApiTypeScript.Generate(await ReadDocumentAsync());
        var file = Path.Combine(RepositoryRoot(), TypesFile);
        if (Environment.GetEnvironmentVariable("GOVOPENNESS_UPDATE_API_TYPES") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, generated);
        }

        Assert.True(File.Exists(file), $"{TypesFile} is missing: run GOVOPENNESS_UPDATE_API_TYPES=1 dotnet test --filter OpenApiContractTests");
        var committed = (await File.ReadAllTextAsync(file)).ReplaceLineEndings("\n");
        Assert.True(committed == generated,
            $"{TypesFile} differs from /openapi/v1.json: run GOVOPENNESS_UPDATE_API_TYPES=1 dotnet test --filter OpenApiContractTests and fix the viewer where tsc complains");
    }

    private async Task<JsonElement> ReadDocumentAsync()
    {
        var response = await server.Client.GetAsync("/openapi/v1.json");
        response.EnsureSuccessStatusCode();
        return await Json.ReadAsync(response);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GovOpenness.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("GovOpenness.sln not found above " + AppContext.BaseDirectory);
    }
}
