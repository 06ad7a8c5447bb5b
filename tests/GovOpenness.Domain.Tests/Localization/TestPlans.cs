using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Tests.Localization;

/// <summary>Small hand-built plans for the localization tests.</summary>
internal static class TestPlans
{
    public const int Year = 2022;

    public static Deadline EndOf(int month) =>
        new($"{month}月底前", DeadlineKind.By, new DateOnly(Year, month, DateTime.DaysInMonth(Year, month)));

    public static Deadline From(int month) => new($"从{month}月起", DeadlineKind.From, new DateOnly(Year, month, 1));

    public static Deadline EveryYear(int month) =>
        new($"每年{month}月底前", DeadlineKind.Recurring, new DateOnly(Year, month, DateTime.DaysInMonth(Year, month)));

    public static Deadline Ongoing() => new("持续推进", DeadlineKind.Ongoing);

    public static PlanItem Item(string id, string heading, params Deadline[] deadlines) =>
        new(id, id.Split('.'), heading, $"{heading}。正文。", deadlines, ["省政务公开办"], 1);

    public static PublishedPlan Plan(params PlanItem[] items) => Plan(1, items);

    public static PublishedPlan Plan(int version, params PlanItem[] items) =>
        new("14", Year, version, "山西省2022年政务公开工作要点", "晋政办发〔2022〕38号", new DateOnly(2022, 4, 26), [.. items]);

    /// <summary>Two sections: 1 with 1.1 (11月底前) and 1.2 (no date); 2 with 2.1 (8月底前, 9月底前) and 2.2 (每年3月底前).</summary>
    public static PublishedPlan Province() => Plan(
        Item("1", "以公开促落实"),
        Item("1.1", "以行政执法公开促法治", EndOf(11), EndOf(11)),
        Item("1.2", "以重大建设项目信息公开促廉政"),
        Item("2", "以公开促服务"),
        Item("2.1", "以公共信息公开促服务", EndOf(8), EndOf(9)),
        Item("2.2", "以市场监管公开促法治", EveryYear(3)));

    public static PlanLocalization Changes(PublishedPlan parent, params LocalizationChange[] changes) =>
        new(parent.BodyId, parent.Year, parent.Version, [.. changes]);

    public static DateOnly Date(int month, int day) => new(Year, month, day);
}
