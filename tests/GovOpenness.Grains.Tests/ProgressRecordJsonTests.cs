using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Progress;
using GovOpenness.Grains.Pipeline;

namespace GovOpenness.Grains.Tests;

/// <summary>
/// The progress record as the journal stores it (<see cref="ProgressRecordJson"/>): defaults and empty lists
/// left out, and read back by <see cref="LocalizationJson"/> exactly as the full record would be.
/// </summary>
public sealed class ProgressRecordJsonTests
{
    private static readonly DateOnly Day = new(2022, 5, 6);

    [Fact]
    public void A_compact_record_reads_back_equal_to_the_progress_without_its_targets_and_is_shorter()
    {
        var progress = new BodyProgress("141181001", 2022, "141181")
        {
            Milestones = new PlanMilestones(ParentIssuedOn: Day, ReceivedOn: Day.AddDays(1)),
            Targets = [new ItemTarget("1.1", Day.AddDays(30), 2), new ItemTarget("1.2", null)],
            Items =
            [
                new ItemProgress("1.1") { Status = ItemStatus.Acknowledged, AcknowledgedOn = Day, Version = 1 },
                new ItemProgress("1.2") { Status = ItemStatus.InProgress, Percent = 0, Note = "第0次办理", AcknowledgedOn = Day, Version = 2 },
                new ItemProgress("1.3")
                {
                    Status = ItemStatus.InProgress, Percent = 40, ReturnReason = "材料不全", ReturnCount = 1, AcknowledgedOn = Day,
                    ReportedOn = Day.AddDays(2), Evidence = ["https://example.gov.cn/a"], RecentRequestIds = ["r1\u001fABCDEF0123456789\u001f2022-05-06"], Version = 4,
                },
                new ItemProgress("1.4") { Status = ItemStatus.Closed, Percent = 100, AcknowledgedOn = Day, ReportedOn = Day, ClosedOn = Day.AddDays(3), Version = 3 },
            ],
        };

        var compact = ProgressRecordJson.Serialize(progress);
        var full = LocalizationJson.Serialize(progress with { Targets = [] });

        Assert.Equal(progress with { Targets = [] }, LocalizationJson.Deserialize<BodyProgress>(compact));
        Assert.Equal(LocalizationJson.Deserialize<BodyProgress>(full), LocalizationJson.Deserialize<BodyProgress>(compact));
        Assert.True(compact.Length < full.Length * 0.85, $"{compact.Length} of {full.Length} characters");
        Assert.DoesNotContain("\"targets\"", compact, StringComparison.Ordinal);
        Assert.DoesNotContain("\"evidence\":[]", compact, StringComparison.Ordinal);
        Assert.Contains("\"percent\":0", compact, StringComparison.Ordinal);
    }

    [Fact]
    public void A_root_record_without_items_or_milestones_reads_back_equal()
    {
        var progress = new BodyProgress("cn", 2022);

        var compact = ProgressRecordJson.Serialize(progress);

        Assert.Equal(progress, LocalizationJson.Deserialize<BodyProgress>(compact));
        Assert.Equal(PlanMilestones.None, LocalizationJson.Deserialize<BodyProgress>(compact).Milestones);
    }
}
