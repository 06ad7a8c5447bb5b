using System.Text.Json;
using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Simulation;

namespace GovOpenness.Domain.Tests.Simulation;

/// <summary>The <c>govctl simulate --json</c> contract.</summary>
public sealed class SimulationJsonTests
{
    [Fact]
    public void Infeasible_is_the_list_of_bodies_short_of_time_with_the_count_beside_it()
    {
        var run = SimulationEngine.Run(Scenarios.Read(Scenarios.Lvliang()));
        var report = SimulationSummarizer.Summarize(run);

        using var json = JsonDocument.Parse(SimulationJson.Serialize(report));
        var root = json.RootElement;
        var listed = root.GetProperty("infeasible");
        Assert.Equal(JsonValueKind.Array, listed.ValueKind);
        Assert.Equal(report.Infeasible, root.GetProperty("infeasibleCount").GetInt32());
        Assert.Equal(report.Infeasible, listed.GetArrayLength());
        Assert.True(listed.GetArrayLength() > 0);

        // Each entry is a body whose tightest deadline had passed or left fewer than 10 working days
        // at receipt, as the engine computed it.
        var expected = Enumerable.Range(0, run.Hierarchy.Count).Where(run.IsInfeasible).Select(run.Hierarchy.IdOf).ToList();
        Assert.Equal(expected, listed.EnumerateArray().Select(b => b.GetProperty("bodyId").GetString()!).ToList());
        foreach (var body in listed.EnumerateArray())
        {
            var received = DateOnly.Parse(body.GetProperty("received").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            var deadline = DateOnly.Parse(body.GetProperty("deadline").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            var left = body.GetProperty("daysLeft").GetInt32();
            Assert.True(deadline < received || left < 10, $"{body}");
            Assert.Equal(deadline < received, body.GetProperty("passed").GetBoolean());
            Assert.False(string.IsNullOrEmpty(body.GetProperty("name").GetString()));
            Assert.False(string.IsNullOrEmpty(body.GetProperty("itemId").GetString()));
            Assert.Contains(body.GetProperty("level").GetString(), new[] { "prefecture", "county", "township" });
            if (deadline >= received)
            {
                Assert.Equal(WorkingDayCalendar.China.WorkingDaysBetween(received, deadline), left);
            }
        }
    }

    [Fact]
    public void The_summary_fields_stay_numbers_beside_the_list()
    {
        var report = SimulationSummarizer.Summarize(SimulationEngine.Run(Scenarios.Read(Scenarios.Lvliang())));

        using var json = JsonDocument.Parse(SimulationJson.Serialize(report));
        var root = json.RootElement;
        Assert.Equal(report.Bodies, root.GetProperty("bodies").GetInt32());
        Assert.Equal(report.Passed, root.GetProperty("passed").GetInt32());
        Assert.Equal(10, root.GetProperty("infeasibleBelow").GetInt32());
        Assert.Equal(report.Infeasible, root.GetProperty("infeasibleByLevel").EnumerateObject().Sum(l => l.Value.GetInt32()));
        Assert.Equal(JsonValueKind.Array, root.GetProperty("levels").ValueKind);
    }
}
