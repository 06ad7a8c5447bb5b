using GovOpenness.Abstractions.Plans;
using GovOpenness.Abstractions.Workspace;
using static GovOpenness.Server.Apis.Requests.RequestLimits;

namespace GovOpenness.Server.Apis.Requests;

/// <summary>
/// The body of <c>POST …/plans/{year}/draft</c>: the whole draft (it replaces the saved one). The changes
/// are those <c>localize</c> takes, each with an optional <c>exceptionReason</c> for a later deadline.
/// </summary>
/// <param name="IfVersion">The draft version the editor opened (0 for none); a newer saved draft is a 409.</param>
public sealed record DraftRequest(IReadOnlyList<DraftChangeRequest> Changes, PolicyRequest? Policy = null, int? IfVersion = null) : IValidatedRequest
{
    public void Validate(RequestErrors errors)
    {
        if (errors.List("changes", Changes, RequestLimits.Changes))
        {
            for (var i = 0; i < Changes.Count; i++)
            {
                Changes[i].Validate(errors, $"changes[{i}]");
            }
        }

        Policy?.Validate(errors, "policy");
        errors.Range("ifVersion", IfVersion, 0, int.MaxValue);
    }

    public SaveDraftCommand ToCommand(DateOnly today, string? account) =>
        new([.. Changes.Select(c => c.ToData())], Policy?.ToData(), today, account, IfVersion);
}

/// <summary>One change of a draft: a localization change (<see cref="ItemChangeRequest"/>'s fields) and the exception's reason.</summary>
public sealed record DraftChangeRequest(
    string ItemId,
    DeadlineRequest? Deadline = null,
    bool ApprovedException = false,
    IReadOnlyList<string>? Units = null,
    string? Text = null,
    string? DropReason = null,
    PlanItemRequest? Added = null,
    int? DeadlineIndex = null,
    string? Heading = null,
    string? AfterItemId = null,
    string? ExceptionReason = null)
{
    private ItemChangeRequest Change => new(ItemId, Deadline, ApprovedException, Units, Text, DropReason, Added, DeadlineIndex, Heading, AfterItemId);

    public void Validate(RequestErrors errors, string path)
    {
        Change.Validate(errors, path);
        errors.MaxLength($"{path}.exceptionReason", ExceptionReason, NoteLength);
    }

    public DraftChange ToData() => new(Change.ToData(), string.IsNullOrWhiteSpace(ExceptionReason) ? null : ExceptionReason.Trim());
}

/// <summary>
/// The body of <c>POST …/plans/{year}/publish</c>: <c>{}</c> publishes the saved draft (or, with none, adopts the
/// parent's plan as is, 采用上级要点); <c>ifVersion</c> the draft version the editor reviewed (a newer one is a 409).
/// </summary>
public sealed record PublishDraftRequest(int? IfVersion = null) : IValidatedRequest
{
    public void Validate(RequestErrors errors) => errors.Range("ifVersion", IfVersion, 0, int.MaxValue);
}

/// <summary>The body of <c>POST /api/bodies/{id}/urge</c>: 催办 of bodies in the urging body's subtree.</summary>
public sealed record UrgeRequest(IReadOnlyList<string> BodyIds, string Message) : IValidatedRequest
{
    /// <summary>The most bodies one urge names (a county's townships fit many times over).</summary>
    public const int MaxBodies = 1_000;

    public void Validate(RequestErrors errors)
    {
        if (errors.List("bodyIds", BodyIds, MaxBodies))
        {
            if (BodyIds.Count == 0)
            {
                errors.Add("bodyIds", "请至少选择一个催办对象");
            }

            for (var i = 0; i < BodyIds.Count; i++)
            {
                if (!IsBodyId(BodyIds[i]))
                {
                    errors.Add($"bodyIds[{i}]", $"机构编号须为1到{IdLength}个字母、数字或 . - _");
                }
            }
        }

        errors.Required("message", Message, NoteLength);
    }
}
