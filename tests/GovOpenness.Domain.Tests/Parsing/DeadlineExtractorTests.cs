using System.Globalization;
using GovOpenness.Domain.Parsing;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Tests.Parsing;

public class DeadlineExtractorTests
{
    private const int PlanYear = 2022;

    [Theory]
    // Month ends, as the seeds write them (000, 001, 002).
    [InlineData("11月底前要完成对门户网站的清理", "11月底前", "2022-11-30")]
    [InlineData("省公安厅要在１１月底前牵头", "１１月底前", "2022-11-30")]
    [InlineData("严格落实《企业环境信息依法披露管理办法》，2022 年 8 月底前，应制定公布", "2022 年 8 月底前", "2022-08-31")]
    [InlineData("深入推进公共企事业单位信息公开.２０２２年８月底前,教", "２０２２年８月底前", "2022-08-31")]
    [InlineData("省司法厅应于２０２２年\n\n１１月底前指导督促", "２０２２年１１月底前", "2022-11-30")]
    [InlineData("风险提示等信息于９月底前在政府网站", "９月底前", "2022-09-30")]
    [InlineData("8 类信息应于 7 月底前在政府门户网站公开", "7 月底前", "2022-07-31")]
    [InlineData("7月底前督促全市各级行政执法单位", "7月底前", "2022-07-31")]
    [InlineData("主要负责人8月底前至少听取一次", "8月底前", "2022-08-31")]
    [InlineData("2月底前完成", "2月底前", "2022-02-28")]
    [InlineData("6月底完成", "6月底", "2022-06-30")]
    [InlineData("3月末前报送", "3月末前", "2022-03-31")]
    [InlineData("9月份底前报送", "9月份底前", "2022-09-30")]
    [InlineData("11月末完成", "11月末", "2022-11-30")]
    // Chinese numerals and traditional characters.
    [InlineData("十一月底前完成", "十一月底前", "2022-11-30")]
    [InlineData("十二月底前完成", "十二月底前", "2022-12-31")]
    [InlineData("三月底前完成", "三月底前", "2022-03-31")]
    [InlineData("二〇二三年六月底前完成", "二〇二三年六月底前", "2023-06-30")]
    [InlineData("二零二二年十月底前完成", "二零二二年十月底前", "2022-10-31")]
    [InlineData("元月底前完成", "元月底前", "2022-01-31")]
    [InlineData("於１１月底前在政府網站公開", "１１月底前", "2022-11-30")]
    // A month alone in a 时限 cell or bracket.
    [InlineData("（完成时限：2022年12月）", "2022年12月", "2022-12-31")]
    [InlineData("公开政府信息\t市政府办\t6月\n", "6月", "2022-06-30")]
    [InlineData("序号|工作任务|责任单位|2023年3月|", "2023年3月", "2023-03-31")]
    [InlineData("（时限：十月份）", "十月份", "2022-10-31")]
    // A date with a day handed over alone (a 时限 cell) or after a time-limit label.
    [InlineData("2022年6月30日", "2022年6月30日", "2022-06-30")]
    [InlineData(" 6月30日 ", "6月30日", "2022-06-30")]
    [InlineData("（完成时限：6月30日）", "6月30日", "2022-06-30")]
    [InlineData("时限要求：2023年1月15日。", "2023年1月15日", "2023-01-15")]
    // Parts of a month (旬): the end of that third.
    [InlineData("9月上旬前完成", "9月上旬前", "2022-09-10")]
    [InlineData("9月中旬前完成", "9月中旬前", "2022-09-20")]
    [InlineData("9月下旬前完成", "9月下旬前", "2022-09-30")]
    [InlineData("9月下旬完成", "9月下旬", "2022-09-30")]
    [InlineData("2月中旬完成", "2月中旬", "2022-02-20")]
    // "N月前": before month N begins.
    [InlineData("9月前完成", "9月前", "2022-08-31")]
    [InlineData("3月之前完成", "3月之前", "2022-02-28")]
    [InlineData("10月以前完成", "10月以前", "2022-09-30")]
    [InlineData("1月前完成", "1月前", "2021-12-31")]
    // A day.
    [InlineData("6月30日前报送", "6月30日前", "2022-06-30")]
    [InlineData("6月30日之前报送", "6月30日之前", "2022-06-30")]
    [InlineData("6 月 30 日以前报送", "6 月 30 日以前", "2022-06-30")]
    [InlineData("2月28号前报送", "2月28号前", "2022-02-28")]
    [InlineData("6月30日止", "6月30日止", "2022-06-30")]
    [InlineData("于2023年1月7日前将2022年度政务公开工作情况报送", "2023年1月7日前", "2023-01-07")]
    [InlineData("2024年2月29日前报送", "2024年2月29日前", "2024-02-29")]
    // Relative years.
    [InlineData("今年11月底前完成", "今年11月底前", "2022-11-30")]
    [InlineData("明年3月底前完成", "明年3月底前", "2023-03-31")]
    [InlineData("到6月底全部完成", "到6月底", "2022-06-30")]
    [InlineData("去年年底前应完成的清理", "去年年底前", "2021-12-31")]
    [InlineData("上年底前应完成的清理", "上年底前", "2021-12-31")]
    [InlineData("县级以上年底前完成", "年底前", "2022-12-31")]
    [InlineData("截止时间：6月30日", "6月30日", "2022-06-30")]
    [InlineData("至6月底全部完成", "至6月底", "2022-06-30")]
    // Year end and within the year (001, 002, 003, 004).
    [InlineData("省财政厅牵头扩大预决算公开范围,年底前完成各级", "年底前", "2022-12-31")]
    [InlineData("結合現行有效行政規範性文件清理，年底前完成", "年底前", "2022-12-31")]
    [InlineData("2022年底前在政府信息公开专栏集中公开", "2022年底前", "2022-12-31")]
    [InlineData("2022 年底前完成", "2022 年底前", "2022-12-31")]
    [InlineData("今年年底前完成", "今年年底前", "2022-12-31")]
    [InlineData("年末前完成", "年末前", "2022-12-31")]
    [InlineData("鼓励有条件的市、县年内完成其他政务服务事项清单的编制", "年内", "2022-12-31")]
    [InlineData("本年度内完成", "本年度内", "2022-12-31")]
    [InlineData("今年内完成", "今年内", "2022-12-31")]
    [InlineData("本年内完成", "本年内", "2022-12-31")]
    [InlineData("当年内完成", "当年内", "2022-12-31")]
    [InlineData("年度内完成", "年度内", "2022-12-31")]
    [InlineData("2022年内完成", "2022年内", "2022-12-31")]
    [InlineData("2022年度内完成", "2022年度内", "2022-12-31")]
    [InlineData("本年度內完成", "本年度內", "2022-12-31")]
    [InlineData("１１月 底 前完成", "１１月 底 前", "2022-11-30")]
    [InlineData("７　月底前完成", "７　月底前", "2022-07-31")]
    // Half years and quarters.
    [InlineData("上半年完成", "上半年", "2022-06-30")]
    [InlineData("上半年前完成", "上半年前", "2022-06-30")]
    [InlineData("上半年内完成", "上半年内", "2022-06-30")]
    [InlineData("下半年完成", "下半年", "2022-12-31")]
    [InlineData("2023年上半年完成", "2023年上半年", "2023-06-30")]
    [InlineData("第三季度完成", "第三季度", "2022-09-30")]
    [InlineData("三季度完成", "三季度", "2022-09-30")]
    [InlineData("第三季度末前完成", "第三季度末前", "2022-09-30")]
    [InlineData("一季度完成", "一季度", "2022-03-31")]
    [InlineData("第2季度内完成", "第2季度内", "2022-06-30")]
    [InlineData("第四季度底前完成", "第四季度底前", "2022-12-31")]
    public void By_phrases_normalize_to_a_date(string text, string phrase, string date)
    {
        var deadline = Assert.Single(Extract(text));
        Assert.Equal(new Deadline(phrase, DeadlineKind.By, Day(date)), deadline);
    }

    [Theory]
    [InlineData("年度抽查计划（包含联合抽查计划）应于每年3月底前公布。", "每年3月底前", "2022-03-31")]
    [InlineData("年度抽查计划(包含联合抽查计划)应于每年３月底前公布.", "每年３月底前", "2022-03-31")]
    [InlineData("每年1月31日前公开上一年度报告", "每年1月31日前", "2022-01-31")]
    [InlineData("每年年底前完成", "每年年底前", "2022-12-31")]
    [InlineData("每年底前完成", "每年底前", "2022-12-31")]
    [InlineData("每年 3 月底前", "每年 3 月底前", "2022-03-31")]
    [InlineData("每年第一季度完成", "每年第一季度", "2022-03-31")]
    [InlineData("每年上半年完成", "每年上半年", "2022-06-30")]
    public void Every_year_phrases_recur_with_this_years_occurrence(string text, string phrase, string date)
    {
        var deadline = Assert.Single(Extract(text));
        Assert.Equal(new Deadline(phrase, DeadlineKind.Recurring, Day(date)), deadline);
    }

    [Theory]
    [InlineData("未施行“排号公示制度”的应从１０月起统一施行", "从１０月起", "2022-10-01")]
    [InlineData("未施行“排号公示制度”的应从8月起统一施行", "从8月起", "2022-08-01")]
    [InlineData("从８月起统一施行", "从８月起", "2022-08-01")]
    [InlineData("监管处罚等信息要于6月起在政府门户网站", "于6月起", "2022-06-01")]
    [InlineData("自7月1日起施行", "自7月1日起", "2022-07-01")]
    [InlineData("10月1日起施行", "10月1日起", "2022-10-01")]
    [InlineData("从10月开始施行", "从10月开始", "2022-10-01")]
    [InlineData("自2022年10月1日起施行", "自2022年10月1日起", "2022-10-01")]
    [InlineData("提升解读质量。从2021年起,各地各部门政策多样化解读率不得低于90%", "从2021年起", "2021-01-01")]
    [InlineData("从2022年起,“政务公开专区”要向县级政府延伸", "从2022年起", "2022-01-01")]
    [InlineData("2023年起施行", "2023年起", "2023-01-01")]
    [InlineData("從10月起統一施行", "從10月起", "2022-10-01")]
    [InlineData("从10月中旬起施行", "从10月中旬起", "2022-10-11")]
    [InlineData("10月下旬开始施行", "10月下旬开始", "2022-10-21")]
    [InlineData("9月上旬起施行", "9月上旬起", "2022-09-01")]
    [InlineData("从第三季度起施行", "从第三季度起", "2022-07-01")]
    [InlineData("二季度开始施行", "二季度开始", "2022-04-01")]
    [InlineData("下半年起施行", "下半年起", "2022-07-01")]
    [InlineData("2023年上半年起施行", "2023年上半年起", "2023-01-01")]
    [InlineData("从今年起施行", "从今年起", "2022-01-01")]
    [InlineData("明年起施行", "明年起", "2023-01-01")]
    public void Start_phrases_are_in_force_from_a_date(string text, string phrase, string date)
    {
        var deadline = Assert.Single(Extract(text));
        Assert.Equal(new Deadline(phrase, DeadlineKind.From, Day(date)), deadline);
    }

    [Theory]
    [InlineData("应在 3 个工作日内予以答复并申请办结", "3 个工作日内", 3)]
    [InlineData("15个工作日内答复", "15个工作日内", 15)]
    [InlineData("２０个工作日内答复", "２０个工作日内", 20)]
    [InlineData("十五个工作日内答复", "十五个工作日内", 15)]
    [InlineData("两个工作日之内", "两个工作日之内", 2)]
    [InlineData("5个工作日以内", "5个工作日以内", 5)]
    [InlineData("7工作日内", "7工作日内", 7)]
    [InlineData("三個工作日內", "三個工作日內", 3)]
    [InlineData("答复期限不超过20个工作日", "不超过20个工作日", 20)]
    [InlineData("延长期限最长不得超过20个工作日", "不得超过20个工作日", 20)]
    public void Working_day_phrases_give_days_and_no_date(string text, string phrase, int days)
    {
        var deadline = Assert.Single(Extract(text));
        Assert.Equal(new Deadline(phrase, DeadlineKind.WorkingDays, null, days), deadline);
    }

    [Theory]
    [InlineData("向县级政府延伸。到2025年,全省建成至少25个市、县级政府政务公开专区。", "到2025年", "2025-12-31")]
    [InlineData("到2025年底全面建成", "到2025年底", "2025-12-31")]
    [InlineData("2025年前全面建成", "2025年前", "2025-12-31")]
    [InlineData("至2025年实现全覆盖", "至2025年", "2025-12-31")]
    [InlineData("2024年底前全面建成", "2024年底前", "2024-12-31")]
    [InlineData("明年底前完成", "明年底前", "2023-12-31")]
    [InlineData("二〇二五年前全面建成", "二〇二五年前", "2025-12-31")]
    [InlineData("2022年—2024年，在全省实施政务公开“亮点工程”", "2022年—2024年", "2024-12-31")]
    [InlineData("2022—2024年,在全省实施", "2022—2024年", "2024-12-31")]
    public void Year_only_phrases_after_the_plan_year_are_targets(string text, string phrase, string date)
    {
        var deadline = Assert.Single(Extract(text));
        Assert.Equal(new Deadline(phrase, DeadlineKind.Target, Day(date)), deadline);
    }

    [Theory]
    [InlineData("到2022年全部完成", "到2022年")]
    [InlineData("2022年前全部完成", "2022年前")]
    [InlineData("2021年—2022年，在全省实施", "2021年—2022年")]
    public void Year_only_phrases_in_the_plan_year_are_plain_deadlines(string text, string phrase)
    {
        var deadline = Assert.Single(Extract(text));
        Assert.Equal(new Deadline(phrase, DeadlineKind.By, Day("2022-12-31")), deadline);
    }

    [Fact]
    public void Year_end_of_2021_plan_in_seed_003_is_a_plain_deadline()
    {
        var (deadlines, _) = DeadlineExtractor.Extract("2021年年底,县级以上政府门户网站全部支持互联网协议第6版。2021年年底初步完成省级平台建设", 2021);
        Assert.Equal(
            [new Deadline("2021年年底", DeadlineKind.By, Day("2021-12-31")), new Deadline("2021年年底", DeadlineKind.By, Day("2021-12-31"))],
            deadlines);
    }

    [Fact]
    public void Seed_003_span_of_years_is_a_target_to_its_last_year()
    {
        var (deadlines, _) = DeadlineExtractor.Extract("2021年—2023年,在全省实施政务公开“亮点工程”", 2021);
        Assert.Equal(new Deadline("2021年—2023年", DeadlineKind.Target, Day("2023-12-31")), Assert.Single(deadlines));
    }

    [Theory]
    [InlineData("持续推进")]
    [InlineData("时限：长期坚持")]
    [InlineData("（时限：常态化）")]
    [InlineData("完成时限|持续推进|")]
    [InlineData("工作任务\t具体要求\t责任单位\t长期")]
    [InlineData("进一步完善信息发布机制，持续推进。")]
    [InlineData("（责任单位：市政府办；完成时限：长期坚持）")]
    [InlineData("常态化开展\n")]
    [InlineData("加强政务公开培训   各处室   長期堅持")]
    [InlineData("（完成時限：常態化）")]
    public void Ongoing_phrases_standing_as_the_deadline_are_ongoing(string text)
    {
        var deadline = Assert.Single(Extract(text));
        Assert.Equal(DeadlineKind.Ongoing, deadline.Kind);
        Assert.Null(deadline.Date);
        Assert.Contains(deadline.Text, text);
    }

    [Theory]
    [InlineData("激励先进、鼓励创新,平衡奖惩、突出优秀,持续推进高质量政务公开.")]
    [InlineData("持续深入推进基层政务公开标准化规范化工作")]
    [InlineData("(五)持续做好疫情常态化防控措施公开")]
    [InlineData("持续做好政府公报工作,做到出版形式规范")]
    [InlineData("助力营商环境持续改善。")]
    [InlineData("推进政务公开标准化、规范化、常态化。")]
    [InlineData("长期坚持以人民为中心的发展思想")]
    public void Ongoing_words_used_as_verbs_inside_a_sentence_are_not_deadlines(string text)
    {
        Assert.Empty(Extract(text));
    }

    [Theory]
    [InlineData("晋政办发〔２０２２〕３８号")]
    [InlineData("按照吕梁市《2022 年市级重点工程项目名单》（吕政办发〔2022〕23 号）中各项目")]
    [InlineData("按月公布纳入高质量发展监测评价考核的63个县（市、区）水环境质量排名")]
    [InlineData("山西省人民政府办公厅\n２０２２年４月２６日\n(此件公开发布)")]
    [InlineData("山西省生态环境厅办公室\n2022年9月5日")]
    [InlineData("2021 年是我国现代化建设进程中具有特殊重要性的一年")]
    [InlineData("做好２０２２年全省政务公开工作")]
    [InlineData("(省政府令第２７４号)")]
    [InlineData("每半月对厅官网栏目信息更新情况进行监测")]
    [InlineData("将政务公开纳入重要工作日程")]
    [InlineData("每月10日前报送")]
    [InlineData("超过20个工作日")]
    [InlineData("2021年12月，国务院办公厅印发了指导意见")]
    [InlineData("2022年6月30日，省政府召开会议")]
    [InlineData("会议于2022年6月30日召开")]
    [InlineData("截至2022年底，全省已建成政务公开专区")]
    [InlineData("截至2022年6月底，累计办理申请")]
    [InlineData("截止到9月底前已完成")]
    [InlineData("截止 11 月 30 日，共公开信息")]
    [InlineData("截至目前，全省已建成")]
    [InlineData("2021年底，全省已建成政务公开专区")]
    [InlineData("去年11月底，全省已建成")]
    [InlineData("2021年6月底，累计办理申请")]
    [InlineData("2019年—2021年，连续三年开展评选")]
    [InlineData("山西省人民政府办公厅\n2022年12月\n")]
    [InlineData("起草与企业生产经营活动密切相关的地方性法规时")]
    [InlineData("按照“十四五”规划（2021—2025年）要求")]
    [InlineData("力争三年内完成")]
    [InlineData("近几年内完成")]
    [InlineData("半年内完成整改")]
    [InlineData("3个月内完成")]
    [InlineData("9月前后开展")]
    [InlineData("工作组于3月前往各县调研")]
    [InlineData("2021年前进了一大步")]
    [InlineData("2022年前三季度全省新增")]
    [InlineData("每季度公开一次")]
    [InlineData("对政府信息公开申请的事项，应当在收到申请的日期起")]
    [InlineData("评选出全省十大最受群众欢迎的政府网站")]
    [InlineData("年度抽查计划")]
    [InlineData("")]
    public void Numbers_counts_and_event_dates_are_not_deadlines(string text)
    {
        var (deadlines, warnings) = DeadlineExtractor.Extract(text, PlanYear, 7);
        Assert.Empty(deadlines);
        Assert.Empty(warnings);
    }

    [Theory]
    [InlineData("13月底前完成", "13月底前")]
    [InlineData("０月底前完成", "０月底前")]
    [InlineData("2月30日前完成", "2月30日前")]
    [InlineData("2022年2月29日前完成", "2022年2月29日前")]
    [InlineData("4月31日起施行", "4月31日起")]
    [InlineData("十三月底前完成", "十三月底前")]
    [InlineData("1234年底前完成", "1234年底前")]
    [InlineData("0个工作日内答复", "0个工作日内")]
    [InlineData("2月30日", "2月30日")]
    public void Impossible_dates_give_a_warning_naming_the_line_and_no_deadline(string text, string phrase)
    {
        var (deadlines, warnings) = DeadlineExtractor.Extract(text, PlanYear, 12);
        Assert.Empty(deadlines);
        var warning = Assert.Single(warnings);
        Assert.Equal("invalid-date", warning.Code);
        Assert.Equal(12, warning.Line);
        Assert.Contains($"“{phrase}”", warning.Message);
        Assert.Contains("第12行", warning.Message);
    }

    [Fact]
    public void Warning_line_advances_with_line_breaks_inside_the_text()
    {
        var (_, warnings) = DeadlineExtractor.Extract("第一行\n第二行\n13月底前完成", PlanYear, 40);
        Assert.Equal(42, Assert.Single(warnings).Line);
    }

    [Fact]
    public void Unknown_line_is_left_out_of_the_warning()
    {
        var (_, warnings) = DeadlineExtractor.Extract("13月底前完成", PlanYear);
        var warning = Assert.Single(warnings);
        Assert.Null(warning.Line);
        Assert.DoesNotContain("行", warning.Message);
    }

    [Fact]
    public void Every_deadline_is_returned_in_order_of_appearance()
    {
        var deadlines = Extract("7月底前完成梳理，年底前全面公开；每年3月底前更新，从10月起施行，3个工作日内答复，到2025年全覆盖。");
        Assert.Equal(
            [
                new Deadline("7月底前", DeadlineKind.By, Day("2022-07-31")),
                new Deadline("年底前", DeadlineKind.By, Day("2022-12-31")),
                new Deadline("每年3月底前", DeadlineKind.Recurring, Day("2022-03-31")),
                new Deadline("从10月起", DeadlineKind.From, Day("2022-10-01")),
                new Deadline("3个工作日内", DeadlineKind.WorkingDays, null, 3),
                new Deadline("到2025年", DeadlineKind.Target, Day("2025-12-31")),
            ],
            deadlines);
    }

    [Fact]
    public void Past_year_with_a_deadline_marker_stays_a_deadline()
    {
        Assert.Equal(
            [new Deadline("2021年底前", DeadlineKind.By, Day("2021-12-31")), new Deadline("到2021年", DeadlineKind.By, Day("2021-12-31"))],
            Extract("2021年底前应完成的任务，到2021年仍未完成的"));
    }

    [Fact]
    public void Year_comes_from_the_plan_unless_the_text_names_one()
    {
        Assert.Equal(Day("2021-11-30"), Assert.Single(DeadlineExtractor.Extract("11月底前完成", 2021).Deadlines).Date);
        Assert.Equal(Day("2023-11-30"), Assert.Single(DeadlineExtractor.Extract("2023年11月底前完成", 2021).Deadlines).Date);
    }

    [Fact]
    public void Valid_and_invalid_phrases_in_one_text_are_both_reported()
    {
        var (deadlines, warnings) = DeadlineExtractor.Extract("11月底前完成，13月底前总结", PlanYear, 3);
        Assert.Equal("11月底前", Assert.Single(deadlines).Text);
        Assert.Contains("13月底前", Assert.Single(warnings).Message);
    }

    [Fact]
    public void A_twenty_thousand_character_text_with_no_deadline_returns_nothing()
    {
        var text = string.Concat(Enumerable.Repeat("各级行政机关要秉持把政策“传达到、讲清楚”的宗旨，持续改善。", 700));
        var (deadlines, warnings) = DeadlineExtractor.Extract(text, PlanYear, 1);
        Assert.Empty(deadlines);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Implausible_plan_year_gives_warnings_not_exceptions()
    {
        var (deadlines, warnings) = DeadlineExtractor.Extract("年底前完成，年内完成，11月底前完成，上半年完成，第三季度完成，从10月起，明年底前", 0, 5);
        Assert.Empty(deadlines);
        Assert.Equal(7, warnings.Count);
        Assert.All(warnings, w => Assert.Equal("invalid-date", w.Code));
    }

    [Fact]
    public void Random_text_made_of_deadline_characters_never_throws_and_quotes_only_what_is_there()
    {
        const string Alphabet = "0123456789１２〇一二三四五六七八九十两年月日号底末前后内起草从自于到至每季度第上中下旬半工作日个持续推进长期坚持常态化今明本元份之以止—-,，。：:（）()|\t\n ";
        var random = new Random(20220905);
        for (var i = 0; i < 3000; i++)
        {
            var chars = new char[random.Next(1, 40)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = Alphabet[random.Next(Alphabet.Length)];
            }

            var text = new string(chars);
            var (deadlines, warnings) = DeadlineExtractor.Extract(text, PlanYear, 1);
            var flat = text.Replace("\n", "", StringComparison.Ordinal);
            Assert.All(deadlines, d => Assert.Contains(d.Text, flat, StringComparison.Ordinal));
            Assert.All(warnings, w => Assert.Equal("invalid-date", w.Code));
        }
    }

    private static IReadOnlyList<Deadline> Extract(string text)
    {
        var (deadlines, warnings) = DeadlineExtractor.Extract(text, PlanYear, 1);
        Assert.Empty(warnings);
        return deadlines;
    }

    private static DateOnly Day(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
