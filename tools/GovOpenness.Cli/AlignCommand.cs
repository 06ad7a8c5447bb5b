using System.CommandLine;
using GovOpenness.Cli.AlignmentViews;
using GovOpenness.Domain.Alignment;

namespace GovOpenness.Cli;

/// <summary>
/// govctl align PARENT CHILD [--json] [--html OUT]: how a lower body's plan carries out its parent's,
/// item by item.
/// </summary>
internal static class AlignCommand
{
    public static Command Create()
    {
        var parentArgument = new Argument<FileInfo>("PARENT") { Description = "上级工作要点（文本文件）" };
        var childArgument = new Argument<FileInfo>("CHILD") { Description = "下级工作要点（文本文件）" };
        var jsonOption = new Option<bool>("--json") { Description = "以 JSON 输出比对结果" };
        var htmlOption = new Option<FileInfo?>("--html") { Description = "另存一份左右对照的 HTML 报告" };
        var command = new Command("align", "比对下级工作要点与上级工作要点：逐条对应、变化、覆盖率与层层加码指数");
        command.Arguments.Add(parentArgument);
        command.Arguments.Add(childArgument);
        command.Options.Add(jsonOption);
        command.Options.Add(htmlOption);
        command.SetAction(parse =>
        {
            var parentFile = parse.GetValue(parentArgument)!;
            var childFile = parse.GetValue(childArgument)!;
            if (!PlanLoader.TryLoad(parentFile, "上级", out var parent, out var error)
                || !PlanLoader.TryLoad(childFile, "下级", out var child, out error))
            {
                Console.Error.WriteLine(error);
                return 1;
            }

            var result = DocumentAligner.Align(parent!, child!);
            var html = parse.GetValue(htmlOption);
            if (html is not null)
            {
                try
                {
                    File.WriteAllText(html.FullName, AlignmentHtml.Render(result, parentFile.Name, childFile.Name));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Console.Error.WriteLine($"无法写入 HTML 报告 {html.FullName}：目录不存在或没有写入权限（{e.Message}）");
                    return 1;
                }
            }

            if (parse.GetValue(jsonOption))
            {
                Console.Out.WriteLine(AlignmentJson.Serialize(AlignmentReport.From(result)));
            }
            else
            {
                AlignmentTable.Write(result, parentFile.Name, childFile.Name);
                if (html is not null)
                {
                    Console.Out.WriteLine($"HTML 报告已写入：{html.FullName}");
                }
            }

            return 0;
        });
        return command;
    }
}
