using System.CommandLine;

namespace GovOpenness.Cli;

/// <summary>Placeholder until the align command lands.</summary>
internal static class AlignCommand
{
    public static Command Create()
    {
        var command = new Command("align", "尚未实现");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("govctl align：尚未实现");
            return 2;
        });
        return command;
    }
}
