using GovOpenness.Domain.Hierarchy;
using GovOpenness.Domain.Hierarchy.Search;

namespace GovOpenness.Domain.Tests.Hierarchy;

public class BodySearchIndexTests
{
    private static readonly BodySearchIndex China = BodySearchIndex.China;

    [Theory]
    [InlineData("孝义", null)]
    [InlineData("孝义市", null)]
    [InlineData("141181", null)]
    [InlineData("xys", "14")]
    [InlineData("XYS", "14")]
    [InlineData("xy", "1411")]
    public void Xiaoyi_is_found_first_by_name_initials_or_code(string query, string? within)
    {
        var first = China.Search(query, within: within)[0];
        Assert.Equal("141181", first.Body.Id);
        Assert.Equal(["cn", "14", "1411", "141181"], first.Path.Select(b => b.Id));
    }

    [Fact]
    public void Ambiguous_initials_put_the_bodies_within_the_users_subtree_first()
    {
        var anywhere = China.Search("xys", take: 10);
        Assert.Contains(anywhere, r => r.Body.Id == "141181");
        Assert.NotEqual("141181", anywhere[0].Body.Id); // 新余市, a prefecture, outranks a county elsewhere
        Assert.Equal("141181", China.Search("xys", take: 10, within: "14")[0].Body.Id);
    }

    [Fact]
    public void Matches_say_what_matched()
    {
        Assert.Equal(BodyMatchKind.Pinyin, China.Search("xys", within: "14")[0].MatchedBy);
        Assert.Equal(BodyMatchKind.Code, China.Search("141181")[0].MatchedBy);
        Assert.Equal(BodyMatchKind.Name, China.Search("孝义")[0].MatchedBy);
    }

    [Fact]
    public void A_code_prefix_lists_the_body_before_its_subtree()
    {
        var results = China.Search("1411", take: 30);
        Assert.Equal("1411", results[0].Body.Id);
        Assert.All(results, r => Assert.StartsWith("1411", r.Body.Id, StringComparison.Ordinal));
        Assert.Equal(results.Select(r => (int)r.Body.Level).Order(), results.Select(r => (int)r.Body.Level));
    }

    [Fact]
    public void Exact_names_come_before_names_that_only_contain_the_query()
    {
        var results = China.Search("孝义", take: 50);
        var tiers = results.Select(r => r.Tier).ToArray();
        Assert.Equal(tiers.Order(), tiers);
        Assert.All(results, r => Assert.Contains("孝义", r.Body.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void Heteronyms_are_found_by_either_reading()
    {
        // 长治市: the library reads 长 as chang or zhang; both find it.
        Assert.Contains(China.Search("czs"), r => r.Body.Id == "1404");
        Assert.Contains(China.Search("zzs"), r => r.Body.Id == "1404");
    }

    [Fact]
    public void Traditional_script_finds_the_simplified_name()
    {
        Assert.Equal("1411", China.Search("呂梁市")[0].Body.Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("不存在的机构名")]
    [InlineData("qqqqqqqq")]
    public void Blank_or_unknown_queries_find_nothing(string? query) => Assert.Empty(China.Search(query));

    [Fact]
    public void Results_are_capped_at_take()
    {
        Assert.Equal(7, China.Search("x", take: 7).Count);
        Assert.Equal(BodySearchIndex.MaxResults, China.Search("1", take: 10_000).Count);
    }

    [Fact]
    public void Pinyin_initials_come_from_the_vendored_data_for_every_body()
    {
        Assert.All(DivisionCatalog.China.InTopDownOrder, b => Assert.NotEmpty(PinyinInitials.Of(b.Id)));
        Assert.Equal("xys", PinyinInitials.Of("141181")[0]);
    }
}
