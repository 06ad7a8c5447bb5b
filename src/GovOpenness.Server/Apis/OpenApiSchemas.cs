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

    /// <summary>
    /// Answers one route gives besides its declared one: <c>/summary/explain?figure=score</c> answers a
    /// <see cref="Domain.Desk.ScoreExplanation"/> (parts, weights, floor) instead of a figure's explanation.
    /// A response has one schema per status, so the score's is added to the components by name.
    /// </summary>
    public static async Task AddAlternativeAnswers(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellation)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        foreach (var type in new[] { typeof(Domain.Desk.ScorePart), typeof(Domain.Desk.ChildScore), typeof(Domain.Desk.ScoreExplanation) })
        {
            if (!document.Components.Schemas.ContainsKey(type.Name))
            {
                document.Components.Schemas[type.Name] = await context.GetOrCreateSchemaAsync(type, cancellationToken: cancellation);
            }
        }

        // The generator inlines the nested records: point the lists at their named schemas instead.
        if (document.Components.Schemas["ScoreExplanation"] is OpenApiSchema score && score.Properties is { } properties)
        {
            properties["parts"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchemaReference(nameof(Domain.Desk.ScorePart), document) };
            properties["children"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchemaReference(nameof(Domain.Desk.ChildScore), document) };
        }
    }
}
