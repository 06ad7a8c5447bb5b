using GovOpenness.Abstractions.Bodies;
using GovOpenness.Abstractions.Plans;
using GovOpenness.Abstractions.Workspace;
using GovOpenness.Grains.Storage.Audit;
using GovOpenness.Server.Apis;

namespace GovOpenness.Server.Audit;

/// <summary>The kind and the short "what" of an act recorded by the endpoint filter, from its route and its answer.</summary>
internal static class ActDescriptions
{
    public static string KindOf(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        return path.EndsWith("/localize", StringComparison.Ordinal) ? AuditKinds.Localize
            : path.EndsWith("/import", StringComparison.Ordinal) ? AuditKinds.Import
            : path.EndsWith("/division", StringComparison.Ordinal) ? AuditKinds.Division
            : path.EndsWith("/urge", StringComparison.Ordinal) ? AuditKinds.Urge
            : path.EndsWith("/draft", StringComparison.Ordinal) ? AuditKinds.Draft
            : path.EndsWith("/publish", StringComparison.Ordinal) ? AuditKinds.Localize
            : path.EndsWith("/evidence", StringComparison.Ordinal) ? AuditKinds.Evidence
            : path.TrimEnd('/').EndsWith("/plans", StringComparison.Ordinal) ? AuditKinds.Publish
            : path.TrimEnd('/') == "/api/bodies" ? AuditKinds.Department
            : http.Request.Method + " " + path;
    }

    public static string Describe(HttpContext http, object? value) => value switch
    {
        PlansApi.PublishResponse published => $"发布{published.Plan.Year}年工作要点“{published.Plan.Title}”：{published.Plan.Items.Count}项",
        LocalizeResult localized => $"调整{localized.Plan.Year}年工作要点：执行{localized.Plan.Items.Count}项，不予执行{localized.Plan.Dropped.Count}项",
        ImportApi.ImportResponse imported => $"导入本级文件为{imported.Plan.Year}年工作要点：执行{imported.Plan.Items.Count}项，不予执行{imported.Plan.Dropped.Count}项",
        DivisionImportApi.DivisionResponse division => $"导入分工方案：{division.Departments.Count}个部门，{division.Unmatched.Count}个名称未匹配"
            + (division.Created.Count > 0 ? $"；确认新建部门{division.Created.Count}个：{string.Join("、", division.Created.Select(c => $"“{c.Name}”（{c.Id}，表中写作“{c.Written}”）"))}" : ""),
        DraftView draft => $"保存{draft.Year}年工作要点草稿第{draft.Version}版：{draft.Changes.Count}项调整"
            + string.Concat(draft.Changes.Where(c => c.ExceptionReason is not null).Select(c => $"；事项{c.Change.ItemId}申请例外，理由：{Problems.Shorten(c.ExceptionReason)}")),
        Workspace.ImportPairsApi.ImportDraftResponse imported => $"导入本级文件“{Problems.Shorten(imported.Pairs.Title)}”为{imported.Draft.Year}年工作要点草稿第{imported.Draft.Version}版："
            + $"{imported.Pairs.Pairs.Count}项，人工更正配对{imported.Pairs.CorrectedCount}项，{imported.Draft.Changes.Count}项调整",
        Workspace.EvidenceInfo evidence => $"上传佐证材料“{evidence.Name}”（{evidence.Size}字节，SHA-256 {evidence.Sha256[..16]}…）",
        Workspace.WorkspaceApi.UrgeResponse urge => $"催办{urge.BodyIds.Count}个机构（{Problems.Shorten(string.Join("、", urge.BodyIds))}）：{Problems.Shorten(urge.Message)}",
        BodyInfo body => $"新增部门“{body.Name}”（{body.Id}，上级{body.ParentId}）",
        _ => $"{http.Request.Method} {http.Request.Path}",
    };
}
