using GovOpenness.Abstractions.Plans;
using static GovOpenness.Server.Apis.Requests.RequestLimits;

namespace GovOpenness.Server.Apis.Requests;

/// <summary>
/// The body of <c>POST …/plans/{year}/localize</c>: the whole list of this body's changes (an empty list
/// adopts the parent's plan as is). <c>changes</c> is required: a misspelt key is refused, never read as "no changes".
/// </summary>
public sealed record LocalizeRequest(IReadOnlyList<ItemChangeRequest> Changes, PolicyRequest? Policy = null) : IValidatedRequest
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
    }

    public LocalizeCommand ToCommand(int year, DateOnly today) =>
        new(year, [.. Changes.Select(c => c.ToData())], Policy?.ToData(), today);
}

/// <summary>One change: exactly one of deadline, units, text/heading, dropReason, added.</summary>
public sealed record ItemChangeRequest(
    string ItemId,
    DeadlineRequest? Deadline = null,
    bool ApprovedException = false,
    IReadOnlyList<string>? Units = null,
    string? Text = null,
    string? DropReason = null,
    PlanItemRequest? Added = null,
    int? DeadlineIndex = null,
    string? Heading = null,
    string? AfterItemId = null)
{
    public void Validate(RequestErrors errors, string path)
    {
        errors.Required($"{path}.itemId", ItemId, IdLength);
        var kinds = new object?[] { Deadline, Units, Text ?? Heading, DropReason, Added }.Count(k => k is not null);
        if (kinds != 1)
        {
            errors.Add(path, "每项调整须且只能包含 deadline、units、text/heading、dropReason、added 中的一项");
        }

        if (Deadline is { } deadline)
        {
            deadline.Validate(errors, $"{path}.deadline");
            if (deadline.Date is null)
            {
                errors.Add($"{path}.deadline.date", "收紧期限须给出日期（如 2022-07-31）");
            }
        }
        else if (DeadlineIndex is not null || ApprovedException)
        {
            errors.Add($"{path}.deadlineIndex", "deadlineIndex 和 approvedException 只用于期限调整 deadline");
        }

        errors.Range($"{path}.deadlineIndex", DeadlineIndex, 0, RequestLimits.Deadlines - 1);
        if (Units is not null)
        {
            UnitList.Validate(errors, $"{path}.units", Units);
        }

        errors.MaxLength($"{path}.text", Text, TextLength);
        errors.MaxLength($"{path}.heading", Heading, HeadingLength);
        if (DropReason is not null)
        {
            errors.Required($"{path}.dropReason", DropReason, NoteLength);
        }

        if (Added is { } added)
        {
            added.Validate(errors, $"{path}.added");
            if (added.Id != ItemId)
            {
                errors.Add($"{path}.added.id", "新增事项的编号须与 itemId 一致");
            }
        }
        else if (AfterItemId is not null)
        {
            errors.Add($"{path}.afterItemId", "afterItemId 只用于新增事项 added");
        }

        errors.MaxLength($"{path}.afterItemId", AfterItemId, IdLength);
    }

    public ItemChange ToData() =>
        new(ItemId, Deadline?.ToData(), ApprovedException, Units is null ? null : [.. Units], Text, DropReason, Added?.ToData(), DeadlineIndex, Heading, AfterItemId);
}
