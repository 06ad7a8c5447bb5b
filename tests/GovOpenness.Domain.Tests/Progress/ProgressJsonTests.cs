using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Progress;
using static GovOpenness.Domain.Tests.Progress.ProgressTestData;

namespace GovOpenness.Domain.Tests.Progress;

public class ProgressJsonTests
{
    [Fact]
    public void The_roots_stored_progress_reads_back_without_a_parent()
    {
        // The journal stores a body's progress without null properties: the root (cn, no parent) must read
        // back, or its progress grain cannot activate again once it stored a record (found by the fault
        // suite with --root cn).
        var stored = LocalizationJson.Serialize(new BodyProgress("cn", 2022, null) { Milestones = new PlanMilestones(PublishedOn: new DateOnly(2022, 3, 1)) });

        var read = LocalizationJson.Deserialize<BodyProgress>(stored);

        Assert.DoesNotContain("parentBodyId", stored, StringComparison.Ordinal);
        Assert.Equal(("cn", 2022, (string?)null, new DateOnly(2022, 3, 1)), (read.BodyId, read.Year, read.ParentBodyId, read.Milestones.PublishedOn));
    }

    [Fact]
    public void The_progress_request_of_the_api_reads_into_an_update()
    {
        const string json = """{"year":2022,"itemId":"2.3","step":"inProgress","percent":40,"note":"已完成初稿","evidence":[]}""";

        var update = LocalizationJson.Deserialize<ProgressUpdate>(json);

        Assert.Equal((2022, "2.3", ProgressStep.InProgress, 40, "已完成初稿"), (update.Year, update.ItemId, update.Step, update.Percent, update.Note));
        Assert.Empty(update.Evidence);
        Assert.Null(update.RequestId);
    }

    [Fact]
    public void An_update_without_evidence_reads_as_an_empty_list()
    {
        var update = LocalizationJson.Deserialize<ProgressUpdate>("""{"year":2022,"itemId":"2.3","step":"acknowledged"}""");

        Assert.False(update.Evidence.IsDefault);
        Assert.Empty(update.Evidence);
    }

    [Theory]
    [InlineData("{\"year\":2022,\"itemId\":\"2.3\"}", "step")]
    [InlineData("{\"itemId\":\"2.3\",\"step\":\"reported\"}", "year")]
    public void An_update_missing_a_required_field_is_refused_naming_it(string json, string field)
    {
        var error = Assert.Throws<System.Text.Json.JsonException>(() => LocalizationJson.Deserialize<ProgressUpdate>(json));

        Assert.Contains(field, error.Message);
    }

    [Fact]
    public void An_unknown_step_number_is_rejected_in_chinese()
    {
        var update = LocalizationJson.Deserialize<ProgressUpdate>("{\"year\":2022,\"itemId\":\"2.3\",\"step\":7}");
        var body = new BodyProgress("141181", Year, "1411") { Targets = [new ItemTarget("2.3", null)] };

        var outcome = body.Apply(update, Day(6, 1)).Outcome;

        Assert.True(outcome.IsRejected);
        Assert.Contains("步骤", outcome.Message);
    }

    [Fact]
    public void Steps_are_written_as_the_api_names_them()
    {
        var names = Enum.GetValues<ProgressStep>().Select(s => LocalizationJson.Serialize(s));

        Assert.Equal(new[] { "\"acknowledged\"", "\"inProgress\"", "\"reported\"", "\"accepted\"", "\"returned\"" }, names);
    }

    [Fact]
    public void A_summary_round_trips_with_named_counts()
    {
        var counts = SummaryCounts.From([3, 2, 1, 1, 4, 9, 1, 0, 60, 10]);
        var summary = new SubtreeSummary("1411", Year, counts, new SummaryExtremes(9, 40, [new Offender("141181001", 3, 95, 40)]));

        var json = LocalizationJson.Serialize(summary);
        var back = LocalizationJson.Deserialize<SubtreeSummary>(json);

        Assert.Equal(summary, back);
        Assert.Contains("\"bodiesReceived\":2", json);
        Assert.Contains("\"itemsPending\":10", json);
        Assert.Contains("\"offenders\":[{\"bodyId\":\"141181001\"", json);
        Assert.Contains("\"light\":\"green\"", json);
        Assert.Contains("\"score\":{\"score\":", json);
    }

    [Fact]
    public void A_delta_round_trips_with_negative_counts_and_no_extremes()
    {
        var delta = new SummaryDelta("141181", Year, 638000000000, 41, 42, SummaryCounts.From([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, 1]), null);

        var json = LocalizationJson.Serialize(delta);
        var back = LocalizationJson.Deserialize<SummaryDelta>(json);

        Assert.Equal(delta, back);
        Assert.Contains("\"itemsInProgress\":-1", json);
        Assert.DoesNotContain("isFull", json);
    }

    [Fact]
    public void Counts_from_a_newer_peer_with_unknown_figures_still_read()
    {
        var back = LocalizationJson.Deserialize<SummaryCounts>("""{"bodies":2,"somethingNew":7,"items":5}""");

        Assert.Equal((2, 5), (back.Bodies, back.Items));
    }

    [Fact]
    public void A_bodys_progress_round_trips()
    {
        var body = new BodyProgress("141181", Year, "1411")
        {
            Milestones = new PlanMilestones(Day(4, 26), Day(4, 27), Day(5, 1), Day(7, 14)),
            Targets = [new ItemTarget("2.3", Day(7, 31), 2)],
        };
        body = body.Apply(Step(ProgressStep.Acknowledged, requestId: "a"), Day(5, 2)).Body;
        body = body.Apply(Step(ProgressStep.Reported, evidence: ["https://www.xiaoyi.gov.cn/x"]), Day(6, 2)).Body;

        var back = LocalizationJson.Deserialize<BodyProgress>(LocalizationJson.Serialize(body));

        Assert.Equal(body, back);
        Assert.Equal(ProgressFigures.ForBody(body, Day(8, 1), WorkingDayCalendar.China), ProgressFigures.ForBody(back, Day(8, 1), WorkingDayCalendar.China));
    }

    [Fact]
    public void Progress_and_summaries_round_trip_with_plain_web_json_options_as_grain_storage_uses()
    {
        var options = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        var body = new BodyProgress("141181", Year, "1411") { Targets = [new ItemTarget("2.3", Day(7, 31))] };
        body = body.Apply(Step(ProgressStep.Acknowledged), Day(5, 2)).Body.Apply(Step(ProgressStep.InProgress, percent: 30), Day(5, 3)).Body;
        var rollup = new SubtreeRollup("141181", Year);
        rollup.SetOwn(ProgressFigures.ForBody(body, Day(8, 10), WorkingDayCalendar.China));

        var bodyBack = System.Text.Json.JsonSerializer.Deserialize<BodyProgress>(System.Text.Json.JsonSerializer.Serialize(body, options), options);
        var summaryBack = System.Text.Json.JsonSerializer.Deserialize<SubtreeSummary>(System.Text.Json.JsonSerializer.Serialize(rollup.Summary, options), options);

        Assert.Equal(body, bodyBack);
        Assert.Equal(rollup.Summary, summaryBack);
        Assert.Equal(1, summaryBack!.Counts.ItemsOverdue);
    }
}
