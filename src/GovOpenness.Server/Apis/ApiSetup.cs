using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using GovOpenness.Server.Hosting;

namespace GovOpenness.Server.Apis;

/// <summary>JSON, problem details, the OpenAPI document and request limits shared by every endpoint.</summary>
public static class ApiSetup
{
    public static WebApplicationBuilder AddGovOpennessApi(this WebApplicationBuilder builder)
    {
        ChineseProblems.Configure(builder.Services);
        builder.Services.ConfigureHttpJsonOptions(o => Configure(o.SerializerOptions));
        builder.Services.AddOpenApi("v1", o =>
        {
            // The API the viewer and scripts use; the Orleans dashboard's own routes are not part of it.
            o.ShouldInclude = d => d.RelativePath is { } path && (path.StartsWith("api/", StringComparison.Ordinal) || path is "alive" || path.StartsWith("health", StringComparison.Ordinal));
            o.AddSchemaTransformer(OpenApiSchemas.DescribeSummaryCounts);
            o.AddDocumentTransformer(OpenApiSchemas.AddAlternativeAnswers);
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "GovOpenness API";
                document.Info.Description = "政务公开工作要点：层级发布、本地化、进度与比对";
                return Task.CompletedTask;
            });
        });
        var maxBytes = builder.Configuration.GetSection(ServerOptions.Section).Get<ServerOptions>()?.MaxRequestBytes ?? new ServerOptions().MaxRequestBytes;
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = maxBytes;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            k.Limits.MaxRequestLineSize = 8 * 1024;
            k.Limits.MaxRequestHeaderCount = 64;
        });
        return builder;
    }

    /// <summary>The options for request bodies read by hand (so every malformed request becomes a Chinese problem).</summary>
    public static JsonSerializerOptions Json { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>
    /// One set of options for reading and writing, so the OpenAPI document describes exactly what is read:
    /// unknown fields, nulls for non-nullable members, missing required members, numbers in strings and
    /// enum numbers are all refused (a misspelt key must never read as "no changes").
    /// </summary>
    private static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.AllowDuplicateProperties = false;
        options.MaxDepth = 32;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        return options;
    }
}
