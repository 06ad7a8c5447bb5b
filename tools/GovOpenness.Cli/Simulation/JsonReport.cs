using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using GovOpenness.Domain.Simulation;

namespace GovOpenness.Cli.Simulation;

/// <summary>
/// The <c>--json</c> output: one object with <c>bodies</c>, <c>levels</c> (dates and working days
/// left as min/median/max), <c>infeasible</c> (count, passed, per level, the worst bodies), the
/// critical path and, with <c>--compare</c>, the other scenario's report and the differences.
/// </summary>
internal static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // Chinese stays readable
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize(SimulationReport report, SimulationReport? other)
    {
        var root = Shape(report);
        if (other is not null)
        {
            root["compare"] = Shape(other);
            root["difference"] = new
            {
                infeasible = other.Infeasible - report.Infeasible,
                passed = other.Passed - report.Passed,
                onTimeShare = other.OnTimeShare - report.OnTimeShare,
                levels = report.Levels.Join(other.Levels, l => l.Level, l => l.Level, (a, b) => new
                {
                    level = a.Level,
                    infeasible = b.Infeasible - a.Infeasible,
                    medianDaysLeft = (b.DaysLeft?.Median ?? 0) - (a.DaysLeft?.Median ?? 0),
                }),
            };
        }

        return JsonSerializer.Serialize(root, Options);
    }

    public static Dictionary<string, object?> Shape(SimulationReport r) => new()
    {
        ["scenario"] = r.Scenario,
        ["seed"] = r.Seed,
        ["start"] = r.Start,
        ["bodies"] = r.Bodies,
        ["infeasible"] = new
        {
            count = r.Infeasible,
            passed = r.Passed,
            belowWorkingDays = r.InfeasibleBelow,
            byLevel = r.Levels.ToDictionary(l => JsonNamingPolicy.CamelCase.ConvertName(l.Level.ToString()), l => l.Infeasible),
            worst = r.WorstBodies,
        },
        ["onTimeShare"] = r.OnTimeShare,
        ["laterThanParent"] = r.LaterThanParent,
        ["levels"] = r.Levels.Select(l => new
        {
            level = l.Level,
            name = l.Name,
            bodies = l.Bodies,
            receiptDates = l.ReceiptDates,
            issueDates = l.IssueDates,
            deadlines = l.Deadlines,
            daysLeft = l.DaysLeft,
            late = l.Late,
            passed = l.Passed,
            infeasible = l.Infeasible,
            onTimeShare = l.OnTimeShare,
            items = l.Items,
        }),
        ["criticalPath"] = r.CriticalPath,
    };
}
