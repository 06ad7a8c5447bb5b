using System.CommandLine;
using GovOpenness.Cli.Simulation;
using GovOpenness.Domain.Simulation;

namespace GovOpenness.Cli;

/// <summary>
/// govctl simulate SCENARIO [--compare OTHER] [--json] [--csv FILE] [--charts DIR]: runs the
/// deadline-propagation simulation of a scenario file and reports it (see samples/scenarios/README.md).
/// </summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var scenario = new Argument<FileInfo>("scenario") { Description = "场景文件（YAML 或 JSON），格式见 samples/scenarios/README.md" };
        var compare = new Option<FileInfo?>("--compare") { Description = "与另一场景并列比较（假设分析）" };
        var json = new Option<bool>("--json") { Description = "输出一个 JSON 对象（bodies、levels、infeasible 等），不显示进度条" };
        var csv = new Option<FileInfo?>("--csv") { Description = "把每个机构的结果写入 CSV 文件" };
        var charts = new Option<DirectoryInfo?>("--charts") { Description = "把图表（PNG 和 SVG）写入该目录" };
        var command = new Command("simulate", "模拟工作要点时限逐级传导：各级印发日期、实际剩余工作日、时间不足的机构与关键路径")
        {
            scenario, compare, json, csv, charts,
        };
        command.SetAction(parse => Run(
            parse.GetValue(scenario)!, parse.GetValue(compare), parse.GetValue(json), parse.GetValue(csv), parse.GetValue(charts)));
        return command;
    }

    private static int Run(FileInfo scenarioFile, FileInfo? compareFile, bool json, FileInfo? csvFile, DirectoryInfo? chartsDir)
    {
        try
        {
            var progress = new SimulationProgress(enabled: !json);
            var (run, report) = Simulate(scenarioFile, progress);
            var other = compareFile is null ? null : Simulate(compareFile, progress).Report;

            if (csvFile is not null)
            {
                BodyCsvWriter.Write(run, csvFile.FullName);
            }

            if (chartsDir is not null)
            {
                ChartWriter.Write(report, other, chartsDir.FullName, Console.Error.WriteLine);
            }

            if (json)
            {
                Console.Out.WriteLine(SimulationJson.Serialize(report, other));
            }
            else
            {
                SummaryWriter.Write(report, run.Scenario, Console.Out);
                if (other is not null)
                {
                    CompareWriter.Write(report, other, Console.Out);
                }

                if (csvFile is not null)
                {
                    Console.Out.WriteLine($"每个机构的结果已写入 {csvFile.FullName}");
                }

                if (chartsDir is not null)
                {
                    Console.Out.WriteLine($"图表已写入 {chartsDir.FullName}");
                }
            }

            return 0;
        }
        catch (ScenarioException e)
        {
            Console.Error.WriteLine($"场景有误：{e.Message}");
            return 1;
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"无法写出结果：{e.Message}");
            return 1;
        }
        catch (UnauthorizedAccessException e)
        {
            Console.Error.WriteLine($"无权写出结果：{e.Message}");
            return 1;
        }
    }

    private static (SimulationRun Run, SimulationReport Report) Simulate(FileInfo file, SimulationProgress progress)
    {
        var scenario = ScenarioReader.ReadFile(file.FullName);
        var run = progress.Run(scenario);
        return (run, SimulationSummarizer.Summarize(run));
    }
}
