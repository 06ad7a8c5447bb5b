using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Plans;
using GovOpenness.Abstractions.Workspace;
using GovOpenness.Domain.Alignment;
using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Parsing;
using GovOpenness.Domain.Plans;
using GovOpenness.Server.Accounts;
using GovOpenness.Server.Apis;
using GovOpenness.Server.Apis.Requests;
using GovOpenness.Server.Authorization;
using GovOpenness.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using PublishedPlan = GovOpenness.Domain.Localization.PublishedPlan;

namespace GovOpenness.Server.Workspace;

/// <summary>
/// Importing the body's own document (.docx or .txt) into its draft, pair by pair: <c>…/import/pairs</c>
/// answers how the aligner paired each of the document's tasks with the parent's (or found it added, or a
/// parent task dropped), with the editor's corrections applied, and stores nothing; <c>…/import/draft</c>
/// applies the same corrections and saves the result as the body's draft (published, like any draft,
/// only by <c>…/publish</c>). Stateless between the two: the document is sent again with the corrections,
/// and parsing and aligning are deterministic, so the pairs saved are the pairs shown.
/// </summary>
public static class ImportPairsApi
{
    public static IEndpointRouteBuilder MapImportPairsApi(this IEndpointRouteBuilder app)
    {
        var plan = app.MapGroup("/api/bodies/{id}/plans/{year:int}/import").ForKnownBodies();
        plan.MapPost("/pairs", PairsAsync).Accepts<ImportPairsRequest>("application/json").ProducesProblems(400, 404, 409, 413, 415, 429)
            .RequireRateLimiting(HttpProtection.CostlyPolicy).RequireBodyAccess(BodyOperation.EditPlan).WithMetadata(StoresNothing.Instance);
        plan.MapPost("/draft", SaveDraftAsync).Accepts<ImportPairsRequest>("application/json").ProducesProblems(400, 404, 409, 413, 415, 429)
            .RequireRateLimiting(HttpProtection.CostlyPolicy).RequireBodyAccess(BodyOperation.EditPlan);
        return app;
    }

    /// <summary>A pair as the editor sees it. <c>parentItemId</c> null: the document's own item (新增).</summary>
    /// <param name="AlsoParentItemIds">Further parent items merged into this one (合并).</param>
    /// <param name="Change">The aligner's kind (<c>unchanged</c>, <c>reworded</c>, <c>deadlineTightened</c> … or <c>added</c>).</param>
    /// <param name="Corrected">Whether the editor set this pair rather than the aligner.</param>
    public sealed record ImportPair(string ItemId, string Heading, string Text, string? ParentItemId, string? ParentHeading,
        IReadOnlyList<string> AlsoParentItemIds, string Change, string ChangeLabel, double? Confidence, bool Doubtful, bool Corrected);

    /// <summary>A parent task the document may be paired with (the choices of the re-pair list).</summary>
    public sealed record ImportParentItem(string Id, string Heading);

    /// <summary>The document's tasks in its order with their pairs, the parent's tasks, and which of them no task carries.</summary>
    public sealed record ImportPairsView(string BodyId, int Year, string? Title, string ParentId, IReadOnlyList<ImportPair> Pairs,
        IReadOnlyList<ImportParentItem> ParentItems, IReadOnlyList<string> Dropped, double Coverage, int CorrectedCount);

    /// <summary>What saving answers: the pairs saved, the notes (dates left to the parent's), and the draft.</summary>
    public sealed record ImportDraftResponse(ImportPairsView Pairs, IReadOnlyList<string> Notes, DraftView Draft);

    private static async Task<Results<Ok<ImportPairsView>, ProblemHttpResult>> PairsAsync(
        string id, int year, HttpRequest request, IGrainFactory grains, CancellationToken cancellation)
    {
        var (aligned, problem) = await AlignAsync(id, year, request, grains, cancellation);
        return problem ?? (Results<Ok<ImportPairsView>, ProblemHttpResult>)TypedResults.Ok(aligned!.View);
    }

    private static async Task<Results<Ok<ImportDraftResponse>, ProblemHttpResult>> SaveDraftAsync(
        string id, int year, HttpRequest request, IGrainFactory grains, TimeProvider time, CancellationToken cancellation)
    {
        var (aligned, problem) = await AlignAsync(id, year, request, grains, cancellation);
        if (problem is not null)
        {
            return problem;
        }

        var today = ChinaTime.Today(time);
        var imported = ImportedDraft.From(aligned!.Alignment, aligned.Parent, today);
        var command = new SaveDraftCommand([.. imported.Localization.Changes.Select(c => new DraftChange(ItemChange.From(c)))], null, today,
            AccountClaims.AccountOf(request.HttpContext.User), aligned.Request.IfVersion);
        var saved = await grains.GetGrain<IPlanDraftGrain>(IPlanDraftGrain.Key(id, year)).SaveAsync(command);
        return saved.Value is { } draft
            ? TypedResults.Ok(new ImportDraftResponse(aligned.View, imported.Notes, draft))
            : Problems.From(saved.Failure, saved.Error);
    }

    private sealed record Aligned(ImportPairsRequest Request, AlignmentResult Alignment, PublishedPlan Parent, ImportPairsView View);

    private static async Task<(Aligned? Aligned, ProblemHttpResult? Problem)> AlignAsync(
        string id, int year, HttpRequest request, IGrainFactory grains, CancellationToken cancellation)
    {
        if (RouteChecks.BodyAndYear(id, year) is { } routeProblem)
        {
            return (null, routeProblem);
        }

        var (body, problem) = await RequestBody.ReadJsonAsync<ImportPairsRequest>(request, cancellation);
        if (problem is not null)
        {
            return (null, problem);
        }

        var (child, readProblem) = Read(body!);
        if (readProblem is not null)
        {
            return (null, readProblem);
        }

        var info = await grains.GetGrain<IBodyGrain>(id).GetInfoAsync();
        if (info?.ParentId is not { } parentId)
        {
            return (null, Problems.From(FailureKind.Conflict, $"机构“{id}”没有上级，无法按上级工作要点导入；请直接发布本级工作要点"));
        }

        var parentPlan = await grains.GetGrain<IBodyGrain>(parentId).GetPlanAsync(year);
        if (parentPlan.Value is not { } parentEffective)
        {
            return (null, parentPlan.Failure == FailureKind.NotFound
                ? Problems.From(FailureKind.Conflict, $"上级机构“{parentId}”尚无{year}年工作要点，无法比对导入“{id}”的文件")
                : Problems.From(parentPlan.Failure, parentPlan.Error));
        }

        var parent = parentEffective.ToPublishedPlan();
        var parentDocument = new PlanDocument(parent.Title, null, parent.DocNumber, parent.IssueDate, parent.Year, [.. parent.Items], []);
        var childDocument = RecurringDeadlines.Resolve(child!);
        var corrections = body!.ToCorrections();
        if (PairCorrection.Problem(parentDocument, childDocument, corrections) is { } correctionProblem)
        {
            return (null, Problems.Invalid(correctionProblem));
        }

        var alignment = DocumentAligner.Align(parentDocument, childDocument, corrections, cancellation: cancellation);
        return (new Aligned(body, alignment, parent, View(id, year, parentId, alignment, corrections)), null);
    }

    /// <summary>The document as text (a .docx by its zip signature, else text in UTF-8, UTF-16 or GB18030), parsed.</summary>
    private static (PlanDocument? Plan, ProblemHttpResult? Problem) Read(ImportPairsRequest request)
    {
        var bytes = request.Bytes()!;
        string text;
        try
        {
            text = DocxText.LooksLikeDocx(bytes) ? DocxText.Extract(bytes) : PlanTextDecoder.Decode(bytes);
        }
        catch (PlanParseException e)
        {
            return (null, Problems.Invalid($"无法读取本级文件{(request.FileName is { } name ? $"“{Problems.Shorten(name)}”" : "")}：{e.Message}"));
        }

        return AlignApi.Parse(text, "本级");
    }

    private static ImportPairsView View(string id, int year, string parentId, AlignmentResult alignment, IReadOnlyList<PairCorrection> corrections)
    {
        var corrected = corrections.Select(c => c.ChildItemId).ToHashSet(StringComparer.Ordinal);
        var pairOf = alignment.Pairs.ToDictionary(p => p.Child.Id, StringComparer.Ordinal);
        var added = alignment.Added.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var pairs = new List<ImportPair>();
        foreach (var item in alignment.Child.Items.Where(i => pairOf.ContainsKey(i.Id) || added.Contains(i.Id)))
        {
            var text = item.Text.Length > 160 ? item.Text[..160] + "…" : item.Text;
            if (pairOf.TryGetValue(item.Id, out var pair))
            {
                pairs.Add(new ImportPair(item.Id, item.Heading.Trim(), text, pair.Parents[0].Id, pair.Parents[0].Heading.Trim(), [.. pair.Parents.Skip(1).Select(p => p.Id)],
                    ChangeNames.Code(pair.Change), ChangeNames.Label(pair.Change), Math.Round(pair.Confidence, 3), pair.IsDoubtful(), corrected.Contains(item.Id)));
            }
            else
            {
                pairs.Add(new ImportPair(item.Id, item.Heading.Trim(), text, null, null, [], "added", "本级新增", null, false, corrected.Contains(item.Id)));
            }
        }

        var parentLeaves = alignment.Parent.Items.Where(p => alignment.Pairs.Any(x => x.Parents.Contains(p)) || alignment.Dropped.Contains(p));
        return new ImportPairsView(id, year, alignment.Child.Title, parentId, pairs,
            [.. parentLeaves.Select(p => new ImportParentItem(p.Id, p.Heading.Trim()))],
            [.. alignment.Dropped.Select(d => d.Id)], alignment.Coverage, corrected.Count);
    }
}

/// <summary>Endpoint metadata: a POST that computes an answer and stores nothing, so it leaves no record (留痕).</summary>
public sealed class StoresNothing
{
    public static readonly StoresNothing Instance = new();

    private StoresNothing()
    {
    }
}
