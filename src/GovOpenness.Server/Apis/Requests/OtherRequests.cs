using System.Collections.Immutable;
using GovOpenness.Abstractions.Bodies;
using GovOpenness.Domain.Progress;
using static GovOpenness.Server.Apis.Requests.RequestLimits;

namespace GovOpenness.Server.Apis.Requests;

/// <summary>The body of <c>POST /api/bodies</c>: a department to add under an existing body.</summary>
public sealed record DepartmentRequest(string Id, string Name, string ParentId) : IValidatedRequest
{
    public void Validate(RequestErrors errors)
    {
        if (!IsBodyId(Id))
        {
            errors.Add("id", $"机构编号须为1到{IdLength}个字母、数字或 . - _（如“14.sthj”）");
        }

        errors.Required("name", Name, NameLength);
        if (!IsBodyId(ParentId))
        {
            errors.Add("parentId", $"上级机构编号须为1到{IdLength}个字母、数字或 . - _（如“14”）");
        }
    }

    public DepartmentRegistration ToRegistration() => new(Id, Name.Trim(), ParentId);
}

/// <summary>The body of <c>POST /api/bodies/{id}/progress</c>: one step of one item.</summary>
public sealed record ProgressRequest(
    int Year,
    string ItemId,
    ProgressStep Step,
    int? Percent = null,
    string? Note = null,
    IReadOnlyList<string>? Evidence = null,
    string? RequestId = null) : IValidatedRequest
{
    public void Validate(RequestErrors errors)
    {
        errors.Range("year", Year, FirstYear, LastYear);
        errors.Required("itemId", ItemId, IdLength);
        if (!Enum.IsDefined(Step))
        {
            errors.Add("step", "进度步骤无效");
        }

        errors.Range("percent", Percent, 0, 100);
        errors.MaxLength("note", Note, NoteLength);
        if (RequestId is not null)
        {
            errors.Required("requestId", RequestId, RequestIdLength);
        }

        if (errors.List("evidence", Evidence, RequestLimits.Evidence))
        {
            for (var i = 0; i < Evidence!.Count; i++)
            {
                var link = Evidence[i];
                errors.Required($"evidence[{i}]", link, EvidenceLength);
                if (!Workspace.EvidenceStore.IsId(link) && (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
                {
                    errors.Add($"evidence[{i}]", "佐证材料须为 http 或 https 链接，或已上传文件的编号（ev…）");
                }
            }
        }
    }

    public ProgressUpdate ToUpdate() => new(Year, ItemId, Step, Percent, Note, Evidence?.ToImmutableArray() ?? [], RequestId);
}

/// <summary>The body of <c>POST /api/align</c>: both documents as their full text.</summary>
public sealed record AlignRequest(string Parent, string Child) : IValidatedRequest
{
    /// <summary>Each document at most this many characters: alignment cost grows with both lengths multiplied.</summary>
    public const int MaxDocumentLength = 100_000;

    public void Validate(RequestErrors errors)
    {
        foreach (var (field, text, role) in new[] { ("parent", Parent, "上级"), ("child", Child, "下级") })
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                errors.Add(field, $"{role}工作要点为空：请提供公文全文");
            }
            else if (text.Length > MaxDocumentLength)
            {
                errors.Add(field, $"{role}工作要点过长（{text.Length}字，上限{MaxDocumentLength}字）");
            }
        }
    }
}
