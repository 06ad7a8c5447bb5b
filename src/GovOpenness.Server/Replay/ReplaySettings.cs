using System.Globalization;
using GovOpenness.Domain.Hierarchy;
using GovOpenness.Domain.Simulation;
using GovOpenness.Domain.Simulation.Replay;

namespace GovOpenness.Server.Replay;

/// <summary>
/// Configuration section "GovOpenness:Replay", read and checked before the server starts: a bad
/// replay stops the start with a message naming the key, never halfway through a run.
/// </summary>
/// <param name="File">The scenario file, full path.</param>
/// <param name="Speed">Virtual seconds per real second.</param>
/// <param name="DataDirectory">The replay's own storage folder, so a replay never mixes with real data.</param>
/// <param name="MaxConcurrentCalls">Bodies whose grain calls run at once.</param>
/// <param name="Schedule">The fast engine's run, laid out as batches for the live engine.</param>
public sealed record ReplaySettings(string File, double Speed, string DataDirectory, int MaxConcurrentCalls, ReplaySchedule Schedule)
{
    public const string Section = "GovOpenness:Replay";

    /// <summary>The default speed: one virtual day per real second.</summary>
    public const double DefaultSpeed = 86_400;

    /// <summary>The settings, or null when no scenario is configured (no replay).</summary>
    /// <exception cref="ReplayConfigurationException">A key is unusable; the message names it.</exception>
    public static ReplaySettings? Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var scenario = section["Scenario"];
        if (string.IsNullOrWhiteSpace(scenario))
        {
            return null;
        }

        var speed = Number(section, "Speed", DefaultSpeed);
        if (!(speed > 0) || double.IsInfinity(speed))
        {
            throw new ReplayConfigurationException($"{Section}:Speed", $"须为大于0的数（虚拟秒/真实秒，如86400为每秒一天），现为“{section["Speed"]}”");
        }

        var calls = Number(section, "MaxConcurrentCalls", 32);
        if (calls is < 1 or > 1024 || calls != Math.Floor(calls))
        {
            throw new ReplayConfigurationException($"{Section}:MaxConcurrentCalls", $"须为1到1024的整数，现为“{section["MaxConcurrentCalls"]}”");
        }

        var dataDirectory = section["DataDirectory"];
        dataDirectory = string.IsNullOrWhiteSpace(dataDirectory) ? Path.Combine(".", "data", "replay") : dataDirectory;
        var file = Locate(scenario);
        return new ReplaySettings(file, speed, dataDirectory, (int)calls, Plan(file));
    }

    private static ReplaySchedule Plan(string file)
    {
        var key = $"{Section}:Scenario";
        if (!System.IO.File.Exists(file))
        {
            throw new ReplayConfigurationException(key, $"场景文件“{file}”不存在（相对路径从工作目录及其上级目录查找）");
        }

        try
        {
            var scenario = ScenarioReader.ReadFile(file);
            if (scenario.Depth > BodyLevel.Township)
            {
                // Villages are synthesized numbers in the fast engine; the grains know bodies down to townships.
                throw new ScenarioException("scope.depth", "回放只能驱动到乡镇一级（村为模拟生成，不是系统中的机构）：请改为 township 或更高层级");
            }

            return ReplaySchedule.From(SimulationEngine.Run(scenario));
        }
        catch (ScenarioException e)
        {
            throw new ReplayConfigurationException(key, $"场景文件“{Path.GetFileName(file)}”有误：{e.Message}");
        }
    }

    /// <summary>
    /// A relative path is looked up from the working directory and then its parents: <c>dotnet run
    /// --project src/GovOpenness.Server</c> runs in the project's folder, yet the README's
    /// <c>samples/scenarios/…</c> is written from the repository's root.
    /// </summary>
    private static string Locate(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return path;
        }

        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, path);
            if (System.IO.File.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.GetFullPath(path);
    }

    private static double Number(IConfigurationSection section, string name, double fallback)
    {
        var text = section[name];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ReplayConfigurationException($"{Section}:{name}", $"“{text}”不是数字");
    }
}
