using System.Text.Json;
using GovOpenness.Domain.Alignment;
using GovOpenness.Domain.Parsing;

namespace GovOpenness.Domain.Tests.Alignment;

/// <summary>
/// Every tier the aligner pairs reports its pairs, what the parent has that the child lacks, and what the
/// child adds: top sections (一、), sub-sections (（一） with items below it) and leaf items.
/// </summary>
public class EveryTierTests
{
    private static readonly Dictionary<char, char> ToTraditional = new()
    {
        ['务'] = '務', ['开'] = '開', ['发'] = '發', ['门'] = '門', ['网'] = '網', ['执'] = '執', ['监'] = '監',
        ['审'] = '審', ['项'] = '項', ['办'] = '辦', ['应'] = '應', ['责'] = '責', ['单'] = '單', ['关'] = '關',
    };

    /// <summary>
    /// 003 (山西省 2021) as a lower body would re-issue it: in traditional script, without the sub-section
    /// "（二）加强政策多样化解读" and its three items (lines 59–68 of the seed).
    /// </summary>
    private static string ProvinceWithoutInterpretation()
    {
        var lines = Seeds.Text("003").Split('\n');
        Assert.StartsWith("(二)加强政策多样化解读", lines[58], StringComparison.Ordinal);
        Assert.StartsWith("(三)加强对公众关切问题的互动回应", lines[68], StringComparison.Ordinal);
        var kept = lines.Take(58).Concat(lines.Skip(68));
        return new string([.. string.Join('\n', kept).Select(c => ToTraditional.GetValueOrDefault(c, c))]);
    }

    [Fact]
    public void Sub_sections_pair_with_sub_sections_and_a_deleted_one_is_listed_as_dropped()
    {
        var result = DocumentAligner.Align(Seeds.Province2021, PlanParser.Parse(ProvinceWithoutInterpretation()));

        Assert.Equal(
            ["1.1 加强转型发展政策主动公开 <- 1.1 加强转型发展政策主动公开", "1.2 进一步规范拟发公文公开属性认定 <- 1.2 进一步规范拟发公文公开属性认定"],
            result.Subsections.Select(p => $"{p.Child.Id} {Simplified(p.Child.Heading)} <- {string.Join("；", p.Parents.Select(q => $"{q.Id} {q.Heading.Trim()}"))}"));
        Assert.All(result.Subsections, p => Assert.False(p.IsDoubtful()));
        Assert.Equal(["2.2 加强政策多样化解读"], result.SubsectionsDropped.Select(i => $"{i.Id} {i.Heading.Trim()}"));
        Assert.Empty(result.SubsectionsAdded);

        // Its three items are dropped at the item tier too; every section is still there.
        Assert.Equal(["2.2.1", "2.2.2", "2.2.3"], result.Dropped.Select(i => i.Id));
        Assert.Equal(6, result.Sections.Count);
        Assert.Empty(result.SectionsDropped);
        Assert.Empty(result.SectionsAdded);
    }

    [Fact]
    public void The_2022_plan_has_no_sub_section_level_so_the_2021_sub_sections_are_dropped()
    {
        var result = DocumentAligner.Align(Seeds.Province2021, Seeds.Province2022);

        Assert.Empty(result.Subsections);
        Assert.Equal(
            ["1.1 加强转型发展政策主动公开", "1.2 进一步规范拟发公文公开属性认定", "2.2 加强政策多样化解读"],
            result.SubsectionsDropped.Select(i => $"{i.Id} {i.Heading.Trim()}"));
        Assert.Empty(result.SubsectionsAdded);
    }

    [Fact]
    public void Xiaoyi_sections_pair_drop_and_add_against_the_province()
    {
        var result = DocumentAligner.Align(Seeds.Province2022, Seeds.Xiaoyi);

        Assert.Equal(
            ["1 <- 2", "2 <- 5", "4 <- 6"],
            result.Sections.Select(p => $"{p.Child.Id} <- {string.Join(",", p.Parents.Select(q => q.Id))}"));
        Assert.Equal(
            ["1 坚持公开就是承诺,以公开促落实", "3 坚持公开就是监督,以公开促服务", "4 坚持公开就是晒权,以公开促廉政"],
            result.SectionsDropped.Select(i => $"{i.Id} {i.Heading.Trim()}"));
        Assert.Equal(["3 深化基层政务公开标准化规范化"], result.SectionsAdded.Select(i => $"{i.Id} {i.Heading.Trim()}"));

        // Both number their tasks （一）（二）… directly under 一、: those are the leaf items, paired there.
        Assert.Empty(result.Subsections);
        Assert.Empty(result.SubsectionsDropped);
        Assert.Contains(result.Pairs, p => p.Child.Heading.Trim() == "做好道路交管信息公开" && p.Parents[0].Heading.Trim() == "以行政执法公开促法治");
    }

    [Fact]
    public void The_report_carries_every_tier()
    {
        var result = DocumentAligner.Align(Seeds.Province2021, PlanParser.Parse(ProvinceWithoutInterpretation()));
        var json = JsonSerializer.Serialize(AlignmentReport.From(result), new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase });
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;

        Assert.Equal(["1.1", "1.2"], root.GetProperty("subsections").EnumerateArray().Select(p => p.GetProperty("childId").GetString()));
        Assert.Equal(["2.2"], root.GetProperty("subsectionsDropped").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        Assert.Equal(0, root.GetProperty("subsectionsAdded").GetArrayLength());
        Assert.Equal(0, root.GetProperty("sectionsDropped").GetArrayLength());
        Assert.Equal(0, root.GetProperty("sectionsAdded").GetArrayLength());
        Assert.Equal(6, root.GetProperty("sections").GetArrayLength());
    }

    private static string Simplified(string heading) => GovOpenness.Domain.Text.ChineseText.ToSimplified(heading.Trim());
}
