using System.CommandLine;
using GovOpenness.Domain.Parsing;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Cli;

/// <summary>
/// <c>govctl parse FILE [--json]</c>: reads a work-plan document and prints its structure, as a Chinese
/// table or as JSON (<see cref="PlanJson"/>). Exit codes: 0 parsed, 1 the document cannot be read as
/// a plan, 2 usage (no file, unknown option, file not found).
/// </summary>
internal static class ParseCommand
{
    public const int BadDocument = 1;
    public const int Usage = 2;

    public static Command Create()
    {
        var file = new Argument<FileInfo?>("file")
        {
            Description = "工作要点文件（UTF-8、UTF-16 或 GB18030 文本）",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var json = new Option<bool>("--json") { Description = "输出 JSON，而不是表格" };
        var year = new Option<int?>("--year") { Description = "文件中没有写年度时按哪一年换算期限（默认今年，并给出提示）" };
        var command = new Command("parse", "解析一份政务公开工作要点，列出条目、期限和责任单位")
        {
            file,
            json,
            year,
        };

        // Usage errors are reported here, in Chinese and with exit code 2, rather than by the parser's defaults.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parseResult => Run(parseResult.GetValue(file), parseResult.GetValue(json), parseResult.GetValue(year), parseResult.UnmatchedTokens));
        return command;
    }

    private static int Run(FileInfo? file, bool json, int? year, IReadOnlyList<string> unmatched)
    {
        if (unmatched.Count > 0)
        {
            return UsageError($"无法识别的参数：{string.Join(" ", unmatched)}");
        }

        if (file is null)
        {
            return UsageError("缺少要解析的文件。");
        }

        if (!file.Exists)
        {
            return UsageError($"找不到文件：{file.FullName}");
        }

        PlanDocument plan;
        try
        {
            // Refuse an oversized file from its length alone, before reading a byte of it.
            if (file.Length > PlanLimits.MaxDocumentSize)
            {
                throw new PlanParseException(
                    $"文件过大：{file.Length / (1024.0 * 1024.0):F1} MB，超过 {PlanLimits.MaxDocumentSizeText} 的上限；工作要点通常不超过 100 KB。");
            }

            // A table copied without its title names no year: read it against this year (with a warning) rather than refuse it.
            var options = new PlanParseOptions(year ?? DateTime.Now.Year);
            plan = PlanParser.Parse(PlanTextDecoder.Decode(File.ReadAllBytes(file.FullName)), options);
        }
        catch (PlanParseException e)
        {
            Console.Error.WriteLine($"govctl parse：{file.Name}：{e.Message}");
            return BadDocument;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"govctl parse：无法读取文件 {file.FullName}：{e.Message}");
            return BadDocument;
        }

        if (json)
        {
            Console.Out.WriteLine(PlanJson.Serialize(plan, indented: true));
        }
        else
        {
            PlanTableView.Write(plan);
        }

        return 0;
    }

    private static int UsageError(string message)
    {
        Console.Error.WriteLine($"govctl parse：{message}");
        Console.Error.WriteLine("用法：govctl parse 文件 [--json] [--year 年份]");
        return Usage;
    }
}
