using System.Text.Json;
using GovOpenness.Domain.Progress;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GovOpenness.Server.Apis;

/// <summary>Schemas the generator cannot see through a custom converter, described by hand from the same source.</summary>
internal static class OpenApiSchemas
{
    /// <summary><see cref="SummaryCounts"/> is written by its own converter: one integer per <see cref="SummaryFigure"/>, all present.</summary>
    public static Task DescribeSummaryCounts(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellation)
    {
        if (context.JsonTypeInfo.Type != typeof(SummaryCounts))
        {
            return Task.CompletedTask;
        }

        schema.Type = JsonSchemaType.Object;
        schema.Properties = new Dictionary<string, IOpenApiSchema>();
        schema.Required = new HashSet<string>();
        foreach (var figure in Enum.GetValues<SummaryFigure>())
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(figure.ToString());
            schema.Properties[name] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" };
            schema.Required.Add(name);
        }

        schema.AdditionalPropertiesAllowed = false;
        return Task.CompletedTask;
    }
}
