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
return root.Parse(args).Invoke();
