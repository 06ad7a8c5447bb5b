using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GovOpenness.Domain.Simulation;

/// <summary>
/// The JSON form of a run (<c>govctl simulate --json</c>): one object with <c>bodies</c>, <c>levels</c>
/// (dates and working days left as min/median/max), <c>infeasible</c> (the list of bodies whose deadline
/// had passed or left fewer than <c>infeasibleBelow</c> working days when they received the plan) with
/// <c>infeasibleCount</c> beside it, the critical path and, with a comparison, the other report and the
/// differences. In the domain so tests pin the contract without running the CLI.
/// </summary>
public static class SimulationJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // Chinese stays readable
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize(SimulationReport report, SimulationReport? other = null)
    {
        ArgumentNullException.ThrowIfNull(report);
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

    private static Dictionary<string, object?> Shape(SimulationReport r) => new()
    {
        ["scenario"] = r.Scenario,
        ["seed"] = r.Seed,
        ["start"] = r.Start,
        ["bodies"] = r.Bodies,
        ["infeasibleCount"] = r.Infeasible,
        ["passed"] = r.Passed,
        ["infeasibleBelow"] = r.InfeasibleBelow,
        ["infeasibleByLevel"] = r.Levels.ToDictionary(l => JsonNamingPolicy.CamelCase.ConvertName(l.Level.ToString()), l => l.Infeasible),
        ["infeasible"] = r.InfeasibleBodies.Select(Body),
        ["worst"] = r.WorstBodies.Select(Body),
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

    private static object Body(InfeasibleBody b) => new
    {
        bodyId = b.BodyId,
        name = b.Name,
        level = b.Level,
        itemId = b.ItemId,
        received = b.Receipt,
        deadline = b.Deadline,
        daysLeft = b.DaysLeft,
        passed = b.Deadline < b.Receipt,
    };
}
