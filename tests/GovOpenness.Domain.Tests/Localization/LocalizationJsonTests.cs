using System.Text.Json;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Plans;
using static GovOpenness.Domain.Tests.Localization.TestPlans;

namespace GovOpenness.Domain.Tests.Localization;

public class LocalizationJsonTests
{
    [Fact]
    public void Every_kind_of_change_round_trips()
    {
        var localization = Changes(Province(),
            new TightenDeadline("1.1", Date(7, 31), DeadlineIndex: 1),
            new TightenDeadline("2.1", Date(12, 31), ApprovedException: true),
            new SetUnits("1.1", ["市司法局", "市公安局"]),
            new Reword("1.2", Heading: "做好重大建设项目信息公开"),
            new Drop("2.2", "本级不涉及"),
            new AddItem("L1", "1.2", "做好疫情防控信息公开", "正文", [new Deadline("3个工作日内", DeadlineKind.WorkingDays, Days: 3)], ["市卫健局"])) with
        { Title = "孝义市2022年政务公开工作要点", IssueDate = new DateOnly(2022, 7, 14) };

        var json = LocalizationJson.Serialize(localization);
        var back = LocalizationJson.Deserialize<PlanLocalization>(json);

        Assert.Equal(localization, back);
        Assert.Contains("\"kind\":\"tighten\"", json);
        Assert.Contains("\"newDate\":\"2022-07-31\"", json);
        Assert.Contains("孝义市", json);
    }

    [Fact]
    public void A_published_plan_round_trips_with_its_items()
    {
        var plan = Province();

        var back = LocalizationJson.Deserialize<PublishedPlan>(LocalizationJson.Serialize(plan));

        Assert.Equal(plan.Items.Select(i => (i.Id, i.Heading, i.EarliestDueDate)), back.Items.Select(i => (i.Id, i.Heading, i.EarliestDueDate)));
        Assert.Equal(plan.Items.SelectMany(i => i.Deadlines), back.Items.SelectMany(i => i.Deadlines));
        Assert.Equal((plan.BodyId, plan.Version, plan.IssueDate), (back.BodyId, back.Version, back.IssueDate));
    }

    [Fact]
    public void The_kind_may_come_after_the_other_properties()
    {
        var change = LocalizationJson.Deserialize<LocalizationChange>("{\"itemId\":\"2.2\",\"reason\":\"本级不涉及\",\"kind\":\"drop\"}");

        Assert.Equal(new Drop("2.2", "本级不涉及"), change);
    }

    [Fact]
    public void An_unknown_kind_is_a_json_error_not_a_crash()
    {
        Assert.Throws<JsonException>(() => LocalizationJson.Deserialize<LocalizationChange>("{\"kind\":\"postpone\",\"itemId\":\"1.1\"}"));
    }

    [Theory]
    [InlineData("{\"kind\":\"drop\",\"itemId\":\"2.2\"}")]
    [InlineData("{\"kind\":\"drop\",\"itemId\":null,\"reason\":\"本级不涉及\"}")]
    [InlineData("{\"kind\":\"tighten\",\"itemId\":\"2.2\",\"newDate\":\"2022-13-01\"}")]
    public void Missing_or_null_required_values_are_json_errors(string json)
    {
        Assert.Throws<JsonException>(() => LocalizationJson.Deserialize<LocalizationChange>(json));
    }

    [Fact]
    public void An_adopted_as_is_localization_is_a_few_dozen_bytes()
    {
        var json = LocalizationJson.Serialize(PlanLocalization.AdoptAsIs(Province()));

        Assert.Equal("{\"parentBodyId\":\"14\",\"parentYear\":2022,\"parentVersion\":1,\"changes\":[]}", json);
    }
}
