using GovOpenness.Domain.Parsing;
using GovOpenness.Domain.Plans;

// Not "GovOpenness.Cli.Alignment": that name would hide ScottPlot's Alignment enum in the rest of the tool.
namespace GovOpenness.Cli.AlignmentViews;

/// <summary>Reads and parses one plan file, turning every failure into a Chinese message naming the file.</summary>
internal static class PlanLoader
{
    public static bool TryLoad(FileInfo file, string role, out PlanDocument? plan, out string? error)
    {
        plan = null;
        error = null;
        if (!file.Exists)
        {
            error = $"找不到{role}文件：{file.FullName}";
            return false;
        }

        if (file.Length > PlanLimits.MaxDocumentSize)
        {
            error = $"{role}文件 {file.Name} 过大：超过 {PlanLimits.MaxDocumentSizeText} 的上限；工作要点通常不超过 100 KB。";
            return false;
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"无法读取{role}文件 {file.FullName}：{e.Message}";
            return false;
        }

        try
        {
            // The parser's decoder accepts UTF-8, UTF-16 and GB18030, as documents are saved by Windows offices.
            plan = PlanParser.Parse(PlanTextDecoder.Decode(bytes));
        }
        catch (PlanParseException e)
        {
            error = e.Line is int line
                ? $"无法解析{role}文件 {file.Name}（第 {line} 行）：{e.Message}"
                : $"无法解析{role}文件 {file.Name}：{e.Message}";
            return false;
        }
        catch (NotImplementedException)
        {
            error = "工作要点解析器尚未就绪，无法比对。";
            return false;
        }

        if (plan.Items.Count == 0)
        {
            error = $"{role}文件 {file.Name} 中没有找到编号条目（如“一、”“（一）”），无法比对。";
            plan = null;
            return false;
        }

        return true;
    }
}
