using GovOpenness.Domain.Alignment;
using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Localization;
using static GovOpenness.Domain.Tests.Alignment.AlignmentLookup;

namespace GovOpenness.Domain.Tests.Alignment;

/// <summary>Importing 孝义市's real document into the cascade as changes against 山西省's published plan.</summary>
public class AlignmentToLocalizationTests
{
    private static readonly PublishedPlan Province = PublishedPlan.FromDocument("14", Seeds.Province2022);
    private static readonly Lazy<PlanLocalization> Import = new(() => AlignmentToLocalization.FromDocument(Province, Seeds.Xiaoyi));

    [Fact]
    public void Imported_plan_materializes_without_issues_and_keeps_the_county_dates()
    {
        var effective = PlanMaterializer.Materialize(Province, Import.Value, "141181");

        Assert.Empty(effective.Issues);
        var enforcement = effective.FindItem(Leaf(Seeds.Province2022, "电子技术监控设备").Id)!;
        Assert.Equal(new DateOnly(2022, 7, 31), enforcement.EffectiveDeadline);
        Assert.Contains(effective.Dropped, d => d.Heading.Contains("反垄断", StringComparison.Ordinal));
    }

    [Fact]
    public void Split_and_added_county_items_become_local_items()
    {
        var effective = PlanMaterializer.Materialize(Province, Import.Value, "141181");
        var local = effective.Items.Where(i => i.Origin == LocalizedItem.LocalOrigin).Select(i => i.Item.Heading).ToList();

        Assert.Contains(local, h => h.Contains("疫情防控", StringComparison.Ordinal));
        Assert.Contains(local, h => h.Contains("道路交管", StringComparison.Ordinal) || h.Contains("做好行政执法信息公开", StringComparison.Ordinal));
    }

    [Fact]
    public void Imported_changes_pass_the_cascade_validator_without_errors()
    {
        var validation = new LocalizationValidator(WorkingDayCalendar.China).Validate(Province, Import.Value, new DateOnly(2022, 7, 14));

        Assert.True(validation.Errors.Count() == 0, string.Join("；", validation.Errors.Select(e => e.Message)));
        Assert.Equal("孝义市2022年政务公开工作要点", Import.Value.Title);
    }
}
