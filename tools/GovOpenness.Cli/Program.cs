using System.CommandLine;
using System.Text;
using GovOpenness.Cli;

Console.OutputEncoding = Encoding.UTF8;

var root = new RootCommand("govctl：政务公开工作要点的解析、比对与模拟工具");
root.Subcommands.Add(ParseCommand.Create());
root.Subcommands.Add(AlignCommand.Create());
root.Subcommands.Add(SimulateCommand.Create());
root.Subcommands.Add(AccountsCommand.Create());
root.Subcommands.Add(AuditCommand.Create());
root.Subcommands.Add(RecallCommand.Create());
root.Subcommands.Add(DivideCommand.Create());
return root.Parse(args).Invoke();
