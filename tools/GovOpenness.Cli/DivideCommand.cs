using System.CommandLine;
using System.Text.Json;
using GovOpenness.Domain.Alignment;
using GovOpenness.Domain.Hierarchy;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Parsing;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Cli;

/// <summary>
/// <c>govctl divide PLAN DIVISION --department 14.sthj=山西省生态环境厅 … [--create 省教育厅 …] [--json]</c>: reads a province's plan
/// and its 分工方案, and prints for each named department the items it leads or cooperates on and the
/// changes recording them as its localization; names no department matches are listed. Exit codes as
/// <c>parse</c>: 0 done, 1 a document cannot be read, 2 usage.
/// </summary>
internal static class DivideCommand
{
    public static Command Create()
    {
        var plan = new Argument<FileInfo>("plan") { Description = "上级（省）工作要点文件" };
        var division = new Argument<FileInfo>("division") { Description = "分工方案文件" };
        var departments = new Option<string[]>("--department") { Description = "部门：编码=名称，如 14.sthj=山西省生态环境厅（可重复）", AllowMultipleArgumentsPerToken = true };
        var body = new Option<string>("--body") { Description = "上级机构编码（默认 14）", DefaultValueFactory = _ => "14" };
        var create = new Option<string[]>("--create") { Description = "确认新建：未匹配到部门的名称（可重复），如 省教育厅 → 14.jy 山西省教育厅", AllowMultipleArgumentsPerToken = true };
        var json = new Option<bool>("--json") { Description = "输出 JSON" };
        var command = new Command("divide", "按分工方案把上级工作要点分解给各部门") { plan, division, departments, create, body, json };
        command.SetAction(parse => Run(parse.GetValue(plan)!, parse.GetValue(division)!, parse.GetValue(departments) ?? [], parse.GetValue(create) ?? [], parse.GetValue(body)!, parse.GetValue(json)));
        return command;
    }

    private static int Run(FileInfo planFile, FileInfo divisionFile, string[] departmentArgs, string[] create, string bodyId, bool json)
    {
        var departments = new List<DivisionDepartment>();
        foreach (var arg in departmentArgs)
        {
            var at = arg.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0 || at == arg.Length - 1)
            {
                Console.Error.WriteLine($"govctl divide：部门“{arg}”应写成 编码=名称，如 14.sthj=山西省生态环境厅");
                return ParseCommand.Usage;
            }

            departments.Add(new DivisionDepartment(arg[..at], arg[(at + 1)..]));
        }

        DivisionResult result;
        IReadOnlyList<NewDepartment> created = [];
        try
        {
            var province = PlanParser.Parse(PlanTextDecoder.Decode(File.ReadAllBytes(planFile.FullName)));
            var division = PlanParser.Parse(PlanTextDecoder.Decode(File.ReadAllBytes(divisionFile.FullName)), new PlanParseOptions(province.Year));
            var published = PublishedPlan.FromDocument(bodyId, province);
            result = DivisionPlanCascade.Split(published, division, departments);
            if (create.Length > 0)
            {
                var government = DivisionCatalog.China.Find(bodyId)?.Name ?? province.Issuer?.Replace("人民政府办公厅", "", StringComparison.Ordinal) ?? "";
                var creation = DivisionDepartmentCreation.Prepare(result, create, departments, bodyId, government);
                if (creation.Unknown.Count > 0)
                {
                    Console.Error.WriteLine($"govctl divide：--create 中的名称未被列为未匹配：{string.Join("、", creation.Unknown)}（可新建：{(result.Unmatched.Count == 0 ? "无" : string.Join("、", result.Unmatched))}）");
                    return ParseCommand.Usage;
                }

                created = creation.Create;
                result = DivisionPlanCascade.Split(published, division, [.. departments, .. created.Select(c => c.Department)]);
            }
        }
        catch (PlanParseException e)
        {
            Console.Error.WriteLine($"govctl divide：{e.Message}");
            return ParseCommand.BadDocument;
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"govctl divide：无法读取文件：{e.Message}");
            return ParseCommand.BadDocument;
        }

        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new { result.Shares, result.Unmatched, result.Collective, result.UnpairedRows, Created = created }, AlignmentJson.Options));
            return 0;
        }

        foreach (var (written, department) in created)
        {
            Console.WriteLine($"新建部门：{department.Id} {department.Name}（表中写作：{written}）");
        }

        foreach (var share in result.Shares)
        {
            Console.WriteLine($"{share.Department.Id} {share.Department.Name}（表中写作：{string.Join("、", share.Named)}）");
            Console.WriteLine($"  牵头：{string.Join("、", share.Leads)}；配合：{string.Join("、", share.Cooperates)}；本级变更 {share.Localization.Changes.Length} 项");
        }

        Console.WriteLine($"未匹配到部门的名称：{(result.Unmatched.Count == 0 ? "无" : string.Join("、", result.Unmatched))}");
        Console.WriteLine($"泛指多个机构的名称：{(result.Collective.Count == 0 ? "无" : string.Join("、", result.Collective))}");
        return 0;
    }
}
