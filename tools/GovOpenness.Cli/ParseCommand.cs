using System.CommandLine;

namespace GovOpenness.Cli;

/// <summary>Placeholder until the parse command lands.</summary>
internal static class ParseCommand
{
    public static Command Create()
    {
        var command = new Command("parse", "尚未实现");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("govctl parse：尚未实现");
            return 2;
        });
        return command;
    }
}
