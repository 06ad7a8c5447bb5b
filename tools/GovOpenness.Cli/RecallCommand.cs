using System.CommandLine;
using System.Globalization;
using GovOpenness.Domain.Parsing.Recall;

namespace GovOpenness.Cli;

/// <summary>
/// <c>govctl recall [DIR]</c>: parses the real documents listed in DIR/expectations.json and prints, per
/// document, how many of the deadlines, units and issue date a person reads there the parser finds, and
/// which documents it refuses. Exit code 0 always when the manifest is readable (it measures, it does not judge).
/// </summary>
internal static class RecallCommand
{
    public const string DefaultDirectory = "tests/GovOpenness.Domain.Tests/Parsing/Genre";

    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo?>("dir")
        {
            Description = $"含 expectations.json 的目录（默认 {DefaultDirectory}）",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("recall", "在真实文档上测量解析的召回率：期限、责任单位、成文日期") { directory };
        command.SetAction(parse => Run(parse.GetValue(directory)?.FullName ?? DefaultDirectory));
        return command;
    }

    private static int Run(string directory)
    {
        if (!File.Exists(Path.Combine(directory, "expectations.json")))
        {
            Console.Error.WriteLine($"govctl recall：找不到 {Path.Combine(directory, "expectations.json")}");
            return ParseCommand.Usage;
        }

        var scores = GenreRecall.Score(directory);
        Console.WriteLine("文档 | 期限 | 单位 | 成文日期 | 合计 | 拒绝");
        foreach (var s in scores)
        {
            var date = s.DateExpected ? (s.DateFound ? "1/1" : "0/1") : "—";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{s.File} | {s.DeadlinesFound}/{s.DeadlinesExpected} | {s.UnitsFound}/{s.UnitsExpected} | {date} | {s.Found}/{s.Expected} | {s.Refused ?? "否"}"));
        }

        var found = scores.Sum(s => s.Found);
        var expected = scores.Sum(s => s.Expected);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"召回率：{found}/{expected} = {(double)found / expected:P1}；拒绝 {scores.Count(s => s.Refused is not null)} / {scores.Count} 份"));
        return 0;
    }
}
