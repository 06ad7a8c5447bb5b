using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Hierarchy;
using GovOpenness.Domain.Simulation;
using Spectre.Console;

namespace GovOpenness.Cli.Simulation;

/// <summary>Runs the engine behind a Spectre.Console progress bar on stderr (stdout stays clean for output).</summary>
internal sealed class SimulationProgress(bool enabled)
{
    private static readonly IAnsiConsole ErrorConsole = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    public SimulationRun Run(Scenario scenario)
    {
        var hierarchy = SimulationHierarchy.Build(DivisionCatalog.China, scenario.RootId, scenario.Depth);
        if (!enabled)
        {
            return SimulationEngine.Run(scenario, hierarchy, WorkingDayCalendar.China);
        }

        SimulationRun? run = null;
        ErrorConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask($"模拟 {Markup.Escape(scenario.Name)}（{hierarchy.Count:N0} 个机构）", maxValue: hierarchy.Count);
                var gate = new Lock();
                run = SimulationEngine.Run(scenario, hierarchy, WorkingDayCalendar.China, done =>
                {
                    lock (gate)
                    {
                        task.Increment(done);
                    }
                });
            });
        return run!;
    }
}
