namespace GovOpenness.Server.Apis.Requests;

/// <summary>
/// What is wrong with a request, field by field (JSON paths such as <c>changes[0].deadline.date</c>), in
/// Chinese. Collected at the door so that one answer names every bad field.
/// </summary>
public sealed class RequestErrors
{
    /// <summary>At most this many fields are named in one answer (a hostile list must not make a huge answer).</summary>
    public const int MaxReported = 20;

    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public IReadOnlyDictionary<string, string[]> ByField => _errors;

    public void Add(string field, string message)
    {
        if (_errors.Count < MaxReported && !_errors.ContainsKey(field))
        {
            _errors[field] = [message];
        }
    }

    public void Required(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "不能为空");
        }
        else
        {
            MaxLength(field, value, maxLength);
        }
    }

    public void MaxLength(string field, string? value, int maxLength)
    {
        if (value is { Length: var length } && length > maxLength)
        {
            Add(field, $"过长（{length}字，上限{maxLength}字）");
        }
    }

    public void Range(string field, int? value, int min, int max)
    {
        if (value is { } v && (v < min || v > max))
        {
            Add(field, $"值{v}超出范围：应在{min}到{max}之间");
        }
    }

    /// <summary>A list present (null is refused by the serializer), not too long, without null elements.</summary>
    public bool List<T>(string field, IReadOnlyList<T>? list, int maxCount)
    {
        if (list is null)
        {
            return false;
        }

        if (list.Count > maxCount)
        {
            Add(field, $"条目过多（{list.Count}项，上限{maxCount}项）");
            return false;
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is null)
            {
                Add($"{field}[{i}]", "不能为 null");
                return false;
            }
        }

        return true;
    }
}

/// <summary>A request body that checks what the JSON schema alone cannot (ranges, lengths, null list elements).</summary>
public interface IValidatedRequest
{
    void Validate(RequestErrors errors);
}
