using GovOpenness.Abstractions.Plans;
using GovOpenness.Domain.Plans;
using static GovOpenness.Server.Apis.Requests.RequestLimits;

namespace GovOpenness.Server.Apis.Requests;

/// <summary>The body of <c>POST /api/bodies/{id}/plans</c> as JSON: the body's own plan for a year.</summary>
public sealed record PublishPlanRequest(
    int Year,
    IReadOnlyList<PlanItemRequest> Items,
    string? Title = null,
    string? DocNumber = null,
    PolicyRequest? DescendantPolicy = null) : IValidatedRequest
{
    public void Validate(RequestErrors errors)
    {
        errors.Range("year", Year, FirstYear, LastYear);
        errors.MaxLength("title", Title, HeadingLength);
        errors.MaxLength("docNumber", DocNumber, NameLength);
        if (errors.List("items", Items, RequestLimits.Items))
        {
            for (var i = 0; i < Items.Count; i++)
            {
                Items[i].Validate(errors, $"items[{i}]");
            }
        }

        DescendantPolicy?.Validate(errors, "descendantPolicy");
    }

    public PublishPlanCommand ToCommand() =>
        new(Year, Title, DocNumber, [.. Items.Select(i => i.ToData())], DescendantPolicy?.ToData());
}

/// <summary>One item of a plan: id, heading, text, every deadline and the responsible units (both lists may be empty).</summary>
public sealed record PlanItemRequest(
    string Id,
    string Heading,
    string Text,
    IReadOnlyList<DeadlineRequest> Deadlines,
    IReadOnlyList<string> Units,
    int Depth = 2,
    int Weight = 1)
{
    public void Validate(RequestErrors errors, string path)
    {
        errors.Required($"{path}.id", Id, IdLength);
        errors.MaxLength($"{path}.heading", Heading, HeadingLength);
        errors.MaxLength($"{path}.text", Text, TextLength);
        if (string.IsNullOrWhiteSpace(Heading) && string.IsNullOrWhiteSpace(Text))
        {
            errors.Add($"{path}.text", "事项须有标题 heading 或正文 text");
        }

        errors.Range($"{path}.depth", Depth, 1, MaxDepth);
        errors.Range($"{path}.weight", Weight, 1, Domain.Progress.ItemTarget.MaxWeight);
        if (errors.List($"{path}.deadlines", Deadlines, RequestLimits.Deadlines))
        {
            for (var i = 0; i < Deadlines.Count; i++)
            {
                Deadlines[i].Validate(errors, $"{path}.deadlines[{i}]");
            }
        }

        UnitList.Validate(errors, $"{path}.units", Units);
    }

    public PlanItemData ToData() => new(Id, Heading, Text, [.. Deadlines.Select(d => d.ToData())], [.. Units], Depth, Weight);
}

/// <summary>A deadline as the document writes it (<c>text</c>) and as it counts (<c>kind</c>, <c>date</c>, <c>days</c>).</summary>
public sealed record DeadlineRequest(string Text, DeadlineKind Kind, DateOnly? Date = null, int? Days = null)
{
    public void Validate(RequestErrors errors, string path)
    {
        errors.Required($"{path}.text", Text, DeadlineTextLength);
        if (Date is { Year: < FirstYear or > LastYear + 1 } date)
        {
            errors.Add($"{path}.date", $"日期{date:yyyy-MM-dd}超出范围：应在{FirstYear}年至{LastYear + 1}年之间");
        }

        errors.Range($"{path}.days", Days, 0, 366);
    }

    public DeadlineData ToData() => new(Text, Kind, Date, Days);
}

/// <summary>How the bodies below adopt a plan automatically.</summary>
public sealed record PolicyRequest(int? DeadlineWorkingDaysBefore = null, IReadOnlyDictionary<string, string>? UnitMapping = null)
{
    public void Validate(RequestErrors errors, string path)
    {
        errors.Range($"{path}.deadlineWorkingDaysBefore", DeadlineWorkingDaysBefore, 0, MaxWorkingDaysBefore);
        if (UnitMapping is { } mapping)
        {
            if (mapping.Count > UnitMappings)
            {
                errors.Add($"{path}.unitMapping", $"条目过多（{mapping.Count}项，上限{UnitMappings}项）");
                return;
            }

            foreach (var (from, to) in mapping)
            {
                errors.Required($"{path}.unitMapping", from, UnitLength);
                if (to is null)
                {
                    errors.Add($"{path}.unitMapping", "单位映射的值不能为 null");
                }
                else
                {
                    errors.Required($"{path}.unitMapping", to, UnitLength);
                }
            }
        }
    }

    public LocalizationPolicyData ToData() => new(DeadlineWorkingDaysBefore, UnitMapping);
}

internal static class UnitList
{
    public static void Validate(RequestErrors errors, string path, IReadOnlyList<string>? units)
    {
        if (errors.List(path, units, RequestLimits.Units))
        {
            for (var i = 0; i < units!.Count; i++)
            {
                errors.Required($"{path}[{i}]", units[i], UnitLength);
            }
        }
    }
}
