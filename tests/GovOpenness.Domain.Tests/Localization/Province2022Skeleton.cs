using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Plans;
using static GovOpenness.Domain.Tests.Localization.TestPlans;

namespace GovOpenness.Domain.Tests.Localization;

/// <summary>
/// The item structure of 001 (山西省2022年政务公开工作要点) with each item's deadlines in text order,
/// written by hand from the document (and matching what PlanParser gives), so the mapping tests do not
/// depend on the parser; SampleCascadeParsedTests checks the same on the parsed documents.
/// </summary>
internal static class Province2022Skeleton
{
    private static Deadline YearEnd(string text) => new(text, DeadlineKind.By, Date(12, 31));

    public static PublishedPlan Plan() => TestPlans.Plan(
        Item("1", "坚持公开就是承诺,以公开促落实"),
        Item("1.1", "以权威发布促落实"),
        Item("1.2", "以精准解读促落实"),
        Item("1.3", "以强化考核促落实"),
        Item("1.4", "以全过程公开促落实"),
        Item("2", "坚持公开就是边界,以公开促法治"),
        Item("2.1", "以行政执法公开促法治", EndOf(11), EndOf(11)),
        Item("2.2", "以市场监管公开促法治", EveryYear(3)),
        Item("2.3", "以个人信息保护促法治"),
        Item("3", "坚持公开就是监督,以公开促服务"),
        Item("3.1", "以政务服务公开促服务", EndOf(11), YearEnd("年内"), From(10)),
        Item("3.2", "以公共信息公开促服务", EndOf(8), EndOf(9)),
        Item("3.3", "以线下公开促服务"),
        Item("4", "坚持公开就是晒权,以公开促廉政"),
        Item("4.1", "以权责清单和各类告知、承诺、服务清单公开促廉政"),
        Item("4.2", "以重大建设项目信息公开促廉政"),
        Item("4.3", "以财政信息及公共资源交易信息公开促廉政", YearEnd("年底前"), YearEnd("年底前")),
        Item("4.4", "以反垄断信息公开促廉政"),
        Item("4.5", "以各类奖励、补贴、优惠等信息公开促廉政"),
        Item("5", "坚持公开就是基础,以公开促规范"),
        Item("5.1", "以优化发文流程促规范"),
        Item("5.2", "以优化依申请公开答复办理流程促规范"),
        Item("5.3", "以优化政务公开平台建设促规范", EndOf(11)),
        Item("5.4", "以优化基层政务公开“两化”工作促规范"),
        Item("6", "保障措施"),
        Item("6.1", "坚持效果导向,强化正向激励"),
        Item("6.2", "务实高效开展第三方评估、社会评议", YearEnd("年内")),
        Item("6.3", "加强组织领导,落实保障措施", YearEnd("年内")));
}
