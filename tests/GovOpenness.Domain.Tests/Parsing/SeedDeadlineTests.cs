using System.Globalization;
using GovOpenness.Domain.Parsing;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Tests.Parsing;

/// <summary>
/// Every deadline in each of the five real documents, read by hand: the extractor run over the whole
/// file (covering notice included) must find exactly these, in order.
/// </summary>
public class SeedDeadlineTests
{
    [Fact]
    public void Seed_000_shanxi_ecology_department_2022()
    {
        AssertDeadlines(
            "000_e83660342c7be3db.txt",
            2022,
            ("2022 年 8 月底前", DeadlineKind.By, "2022-08-31"),
            ("每年3月底前", DeadlineKind.Recurring, "2022-03-31"),
            ("3 个工作日内", DeadlineKind.WorkingDays, "3"),
            ("11月底前", DeadlineKind.By, "2022-11-30"));
    }

    [Fact]
    public void Seed_001_shanxi_province_2022()
    {
        AssertDeadlines(
            "001_3b734d94e06de046.txt",
            2022,
            ("２０２２年１１月底前", DeadlineKind.By, "2022-11-30"), // written across a page break: "２０２２年\n\n１１月底前"
            ("１１月底前", DeadlineKind.By, "2022-11-30"),
            ("每年３月底前", DeadlineKind.Recurring, "2022-03-31"),
            ("１１月底前", DeadlineKind.By, "2022-11-30"),
            ("年内", DeadlineKind.By, "2022-12-31"),
            ("从１０月起", DeadlineKind.From, "2022-10-01"),
            ("２０２２年８月底前", DeadlineKind.By, "2022-08-31"),
            ("９月底前", DeadlineKind.By, "2022-09-30"),
            ("年底前", DeadlineKind.By, "2022-12-31"),
            ("年底前", DeadlineKind.By, "2022-12-31"),
            ("１１月底前", DeadlineKind.By, "2022-11-30"),
            ("年内", DeadlineKind.By, "2022-12-31"),
            ("年内", DeadlineKind.By, "2022-12-31"));
    }

    [Fact]
    public void Seed_002_xiaoyi_county_2022()
    {
        AssertDeadlines(
            "002_a18924aeb3c2152f.txt",
            2022,
            ("7 月底前", DeadlineKind.By, "2022-07-31"),
            ("每年3月底前", DeadlineKind.Recurring, "2022-03-31"),
            ("7月底前", DeadlineKind.By, "2022-07-31"),
            ("7月底前", DeadlineKind.By, "2022-07-31"),
            ("于6月起", DeadlineKind.From, "2022-06-01"),
            ("9月底前", DeadlineKind.By, "2022-09-30"),
            ("从8月起", DeadlineKind.From, "2022-08-01"),
            ("7月底前", DeadlineKind.By, "2022-07-31"),
            ("7月底前", DeadlineKind.By, "2022-07-31"),
            ("年底前", DeadlineKind.By, "2022-12-31"),
            ("8月底前", DeadlineKind.By, "2022-08-31"));
    }

    [Fact]
    public void Seed_003_shanxi_province_2021()
    {
        AssertDeadlines(
            "003_dd3d0c370fefca72.txt",
            2021,
            ("从2021年起", DeadlineKind.From, "2021-01-01"),
            ("2021年年底", DeadlineKind.By, "2021-12-31"),
            ("2021年年底", DeadlineKind.By, "2021-12-31"),
            ("2021年年底", DeadlineKind.By, "2021-12-31"),
            ("从2022年起", DeadlineKind.From, "2022-01-01"),
            ("到2025年", DeadlineKind.Target, "2025-12-31"),
            ("2021年—2023年", DeadlineKind.Target, "2023-12-31"),
            ("年内", DeadlineKind.By, "2021-12-31"));
    }

    [Fact]
    public void Seed_004_jiangsu_ecology_department_2022()
    {
        AssertDeadlines(
            "004_9c0e7740a5d4a17e.txt",
            2022,
            ("2023年1月7日前", DeadlineKind.By, "2023-01-07"), // in the covering notice: the year named overrides 2022
            ("2022年底前", DeadlineKind.By, "2022-12-31"),
            ("2022年底前", DeadlineKind.By, "2022-12-31"),
            ("2022年底前", DeadlineKind.By, "2022-12-31"), // the same tasks restated in the 附件2 table
            ("2022年底前", DeadlineKind.By, "2022-12-31"));
    }

    private static void AssertDeadlines(string file, int year, params (string Text, DeadlineKind Kind, string Value)[] expected)
    {
        var (deadlines, warnings) = DeadlineExtractor.Extract(File.ReadAllText(SeedPath(file)), year, 1);

        Assert.Empty(warnings);
        Assert.Equal(expected.Select(ToDeadline), deadlines);
    }

    private static Deadline ToDeadline((string Text, DeadlineKind Kind, string Value) e) =>
        e.Kind == DeadlineKind.WorkingDays
            ? new Deadline(e.Text, e.Kind, null, int.Parse(e.Value, CultureInfo.InvariantCulture))
            : new Deadline(e.Text, e.Kind, DateOnly.ParseExact(e.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture));

    private static string SeedPath(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "documents", file);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"samples/documents/{file} not found above {AppContext.BaseDirectory}");
    }
}
