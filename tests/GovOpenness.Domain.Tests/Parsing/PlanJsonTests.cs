using System.Text.Json;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Tests.Parsing;

public class PlanJsonTests
{
    private static readonly PlanDocument Plan = new(
        "某县2022年政务公开工作要点",
        "某县人民政府办公室",
        null,
        null,
        2022,
        [
            new PlanItem("1", ["一"], "重点任务", "", [], [], 3),
            new PlanItem("1.1", ["一", "（一）"], "做好公开", "做好公开。3个工作日内答复，11月底前完成，持续推进。",
                [
                    new Deadline("3个工作日内", DeadlineKind.WorkingDays, Days: 3),
                    new Deadline("11月底前", DeadlineKind.By, new DateOnly(2022, 11, 30)),
                    new Deadline("持续推进", DeadlineKind.Ongoing),
                ],
                ["综合处"], 4),
        ],
        [new PlanWarning("missing-units", "条目 1.2 未写明责任单位。", 5, "1.2")]);

    [Fact]
    public void The_json_has_the_promised_names_camel_case_enums_and_iso_dates()
    {
        using var json = JsonDocument.Parse(PlanJson.Serialize(Plan));
        var root = json.RootElement;

        // The contract of issue 15: the old names first, in their order; kind (plan / taskTable) added at the end.
        Assert.Equal(["title", "issuer", "docNumber", "issueDate", "year", "items", "warnings", "kind"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("plan", root.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("issueDate").ValueKind);
        var item = root.GetProperty("items")[1];
        Assert.Equal(["id", "path", "heading", "text", "deadlines", "units", "line", "lead", "cooperating", "collective"], item.EnumerateObject().Select(p => p.Name));
        Assert.Equal("（一）", item.GetProperty("path")[1].GetString());
        var deadlines = item.GetProperty("deadlines");
        Assert.Equal("workingDays", deadlines[0].GetProperty("kind").GetString());
        Assert.Equal(3, deadlines[0].GetProperty("days").GetInt32());
        Assert.False(deadlines[0].TryGetProperty("date", out _));
        Assert.Equal("2022-11-30", deadlines[1].GetProperty("date").GetString());
        Assert.Equal("ongoing", deadlines[2].GetProperty("kind").GetString());
        Assert.Equal("missing-units", root.GetProperty("warnings")[0].GetProperty("code").GetString());
        Assert.Equal("1.2", root.GetProperty("warnings")[0].GetProperty("itemId").GetString());
    }

    [Fact]
    public void Chinese_text_is_written_as_is_not_escaped()
    {
        Assert.Contains("某县人民政府办公室", PlanJson.Serialize(Plan));
    }

    [Fact]
    public void A_parsed_seed_survives_a_round_trip()
    {
        var plan = Seeds.Parse("000");

        var back = PlanJson.Deserialize(PlanJson.Serialize(plan, indented: true));

        Assert.Equal(plan.Title, back.Title);
        Assert.Equal(plan.IssueDate, back.IssueDate);
        Assert.Equal(plan.Items.Select(i => (i.Id, i.Heading, i.Text, i.Line)), back.Items.Select(i => (i.Id, i.Heading, i.Text, i.Line)));
        Assert.Equal(plan.Items.SelectMany(i => i.Deadlines), back.Items.SelectMany(i => i.Deadlines));
        Assert.Equal(plan.Items.SelectMany(i => i.Units), back.Items.SelectMany(i => i.Units));
        Assert.Equal(plan.Warnings, back.Warnings);
    }
}
