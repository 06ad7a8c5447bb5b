using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using GovOpenness.Server.Hosting;

namespace GovOpenness.Server.Apis;

/// <summary>JSON, problem details and request limits shared by every endpoint.</summary>
public static class ApiSetup
{
    public static WebApplicationBuilder AddGovOpennessApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o => Configure(o.SerializerOptions));
        var maxBytes = builder.Configuration.GetSection(ServerOptions.Section).Get<ServerOptions>()?.MaxRequestBytes ?? new ServerOptions().MaxRequestBytes;
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = maxBytes);
        return builder;
    }

    /// <summary>The options for request bodies read by hand (so malformed JSON becomes a Chinese problem).</summary>
    public static JsonSerializerOptions Json { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    private static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}
