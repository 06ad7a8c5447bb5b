using System.Text.Json;
using System.Text.RegularExpressions;

namespace GovOpenness.Server.Apis.Requests;

/// <summary>
/// Turns the serializer's English exception into the field and a Chinese reason. Never passes on the
/// exception's message: it names .NET types and may quote the input.
/// </summary>
internal static partial class JsonErrors
{
    private const int MaxNameLength = 40;

    /// <summary>The fields concerned (JSON paths without "$.") and what is wrong with them.</summary>
    public static (IReadOnlyList<string> Fields, string Message) Describe(JsonException e)
    {
        var (fields, message) = DescribeOne(e);
        return (fields.Select(f => f.Length == 0 ? "(请求体)" : f).ToList(), message);
    }

    private static (IReadOnlyList<string> Fields, string Message) DescribeOne(JsonException e)
    {
        var field = Field(e.Path);
        var message = e.Message;
        if (UnmappedMember().IsMatch(message))
        {
            // The path already ends at the unknown property.
            return ([field], "未知字段（请检查拼写）");
        }

        if (MissingRequired().Match(message) is { Success: true } missing)
        {
            var names = missing.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(n => Join(field, Shorten(n.Trim('\'')))).ToList();
            return (names, "缺少必填字段");
        }

        if (message.Contains("null", StringComparison.Ordinal) && message.Contains("allow", StringComparison.Ordinal))
        {
            return ([FieldOrNamed(field, message)], "不能为 null");
        }

        if (message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
        {
            return ([field], "字段重复");
        }

        if (message.Contains("maximum configured depth", StringComparison.Ordinal))
        {
            return ([field], "嵌套过深");
        }

        if (e.InnerException is JsonException || message.Contains("invalid", StringComparison.OrdinalIgnoreCase) && !message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return ([field], $"JSON 格式错误（第{(e.LineNumber ?? 0) + 1}行）");
        }

        // Records name their own type in the message; the inner exception says what the value should have been.
        return ([field], ExpectedValue(field, message + " " + e.InnerException?.Message));
    }

    /// <summary>What the field should hold, from the target type the serializer names (the name is not shown).</summary>
    private static string ExpectedValue(string field, string message) => (field.Split('.')[^1], message) switch
    {
        ("kind", _) => "期限类型无效：应为 by、recurring、from、workingDays、target、ongoing 之一",
        ("step", _) => "进度步骤无效：应为 acknowledged、inProgress、reported、accepted、returned 之一",
        ("date", _) => "日期格式不对：应为 YYYY-MM-DD（如 2022-07-31）",
        _ => ExpectedValue(message),
    };

    private static string ExpectedValue(string message) => message switch
    {
        _ when message.Contains("System.DateOnly", StringComparison.Ordinal) => "日期格式不对：应为 YYYY-MM-DD（如 2022-07-31）",
        _ when message.Contains("Int32", StringComparison.Ordinal) || message.Contains("Int64", StringComparison.Ordinal) || message.Contains("as a number", StringComparison.Ordinal) => "应为整数",
        _ when message.Contains("as a string", StringComparison.Ordinal) => "应为字符串",
        _ when message.Contains("as a boolean", StringComparison.Ordinal) => "应为 true 或 false",
        _ when message.Contains("System.Boolean", StringComparison.Ordinal) => "应为 true 或 false",
        _ when message.Contains("System.String", StringComparison.Ordinal) => "应为字符串",
        _ when message.Contains("DeadlineKind", StringComparison.Ordinal) => "期限类型无效：应为 by、recurring、from、workingDays、target、ongoing 之一",
        _ when message.Contains("ProgressStep", StringComparison.Ordinal) => "进度步骤无效：应为 acknowledged、inProgress、reported、accepted、returned 之一",
        _ when message.Contains("List", StringComparison.Ordinal) || message.Contains("[]", StringComparison.Ordinal) => "应为数组",
        _ when message.Contains("Dictionary", StringComparison.Ordinal) => "应为对象",
        _ => "值的类型或格式不对",
    };

    private static string Field(string? path)
    {
        var field = (path ?? "$").TrimStart('$').TrimStart('.');
        return field.Length > 120 ? field[..120] + "…" : field;
    }

    private static string FieldOrNamed(string field, string message) =>
        field.Length > 0 ? field : QuotedName().Match(message) is { Success: true } m ? Shorten(m.Groups[1].Value) : "(请求体)";

    private static string Join(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    private static string Shorten(string name) => name.Length > MaxNameLength ? name[..MaxNameLength] + "…" : name;

    [GeneratedRegex(@"The JSON property '(.*)' could not be mapped", RegexOptions.Singleline)]
    private static partial Regex UnmappedMember();

    [GeneratedRegex(@"missing required properties including: (.*)\.", RegexOptions.Singleline)]
    private static partial Regex MissingRequired();

    [GeneratedRegex(@"'([^']*)'")]
    private static partial Regex QuotedName();
}
