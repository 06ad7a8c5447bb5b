using System.CommandLine;

namespace GovOpenness.Cli;

/// <summary>Placeholder until the simulate command lands.</summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var command = new Command("simulate", "尚未实现");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("govctl simulate：尚未实现");
            return 2;
        });
        return command;
    }
}
