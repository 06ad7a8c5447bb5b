using Spectre.Console;

namespace GovOpenness.Cli.Simulation;

/// <summary>A Spectre console over a writer, wide enough for the tables when output is redirected.</summary>
internal static class ReportConsole
{
    public static IAnsiConsole Over(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        if (writer != Console.Out || Console.IsOutputRedirected)
        {
            console.Profile.Width = 240;
        }

        return console;
    }

    public static string Days(int? value) => value?.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) ?? "—";

    public static string Share(double share) => share.ToString("P1", System.Globalization.CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "—";
}
