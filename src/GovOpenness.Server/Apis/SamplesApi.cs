using GovOpenness.Domain.Localization.Samples;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovOpenness.Server.Apis;

/// <summary>
/// The real documents embedded in the server (samples/documents), so the viewer's 文件比对 page can load
/// a known parent/child pair without the user finding the files.
/// </summary>
public static class SamplesApi
{
    public static IEndpointRouteBuilder MapSamplesApi(this IEndpointRouteBuilder app)
    {
        var samples = app.MapGroup("/api/samples/documents");
        samples.MapGet("/", List);
        samples.MapGet("/{number}", Text).Produces<string>(StatusCodes.Status200OK, "text/plain").ProducesProblems(404);
        return app;
    }

    /// <summary>The documents with what the parser read from each, and the known parent → child pairs.</summary>
    public sealed record SampleList(IReadOnlyList<SampleDocument> Documents, IReadOnlyList<SampleDocumentPair> Pairs);

    private static Ok<SampleList> List() =>
        TypedResults.Ok(new SampleList(SampleDocumentCatalog.Documents, SampleDocumentCatalog.KnownPairs));

    private static Results<ContentHttpResult, ProblemHttpResult> Text(string number) =>
        SampleDocumentCatalog.TextOf(number) is { } text
            ? TypedResults.Text(text, "text/plain; charset=utf-8")
            : Problems.From(Abstractions.FailureKind.NotFound,
                $"没有编号为“{number}”的样例文档：可用的有 {string.Join("、", SampleDocumentCatalog.Documents.Select(d => d.Number))}");
}
