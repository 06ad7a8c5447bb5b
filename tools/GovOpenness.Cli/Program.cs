using System.CommandLine;
using System.Globalization;
using System.Text;
using GovOpenness.Cli;

Console.OutputEncoding = Encoding.UTF8;

// Help, usage and parse errors in Chinese whatever the machine's locale: System.CommandLine ships its
// texts ("用法"、"选项"、"显示帮助和用法信息") in a zh-Hans satellite assembly, chosen by the UI culture.
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-Hans");

var root = new RootCommand("govctl：政务公开工作要点的解析、比对与模拟工具");
root.Subcommands.Add(ParseCommand.Create());
root.Subcommands.Add(AlignCommand.Create());
root.Subcommands.Add(SimulateCommand.Create());
root.Subcommands.Add(AccountsCommand.Create());
root.Subcommands.Add(AuditCommand.Create());
root.Subcommands.Add(RecallCommand.Create());
root.Subcommands.Add(DivideCommand.Create());
// The satellite leaves some texts in English: the help option's description, the "Description:" title, defaults and the extra arguments' line.
foreach (var help in root.Options.OfType<System.CommandLine.Help.HelpOption>())
{
    help.Description = "显示帮助和用法信息";
}

var parsed = root.Parse(args);
if (parsed.Action is not System.CommandLine.Help.HelpAction)
{
    return parsed.Invoke();
}

using var text = new StringWriter();
var code = parsed.Invoke(new InvocationConfiguration { Output = text });
Console.Out.Write(text.ToString()
    .Replace("Description:", "说明：", StringComparison.Ordinal)
    .Replace("[command]", "[命令]", StringComparison.Ordinal)
    .Replace("[options]", "[选项]", StringComparison.Ordinal)
    .Replace("[default: ", "[默认：", StringComparison.Ordinal)
    .Replace("<additional arguments>", "<其余参数>", StringComparison.Ordinal)
    .Replace("Arguments passed to the application that is being run.", "其余参数（不作解析）", StringComparison.Ordinal));
return code;
