using GovOpenness.Domain.Hierarchy;

namespace GovOpenness.Domain.Tests.Hierarchy;

public class DivisionCatalogTests
{
    private static readonly DivisionCatalog China = DivisionCatalog.China;

    [Fact]
    public void Holds_every_body_down_to_townships()
    {
        Assert.Equal(1 + 31 + 333 + 2978 + 41352, China.Count);
        Assert.Equal(620_573, China.TotalVillages);
    }

    [Fact]
    public void Xiaoyi_sits_under_Lvliang_under_Shanxi()
    {
        var chain = China.AncestorsOf("141181").Select(b => b.Name).ToArray();
        Assert.Equal(["吕梁市", "山西省", "国务院"], chain);
        Assert.Equal(16, China.ChildrenOf("141181").Count);
    }

    [Fact]
    public void Pseudo_prefectures_are_skipped()
    {
        Assert.Null(China.Find("1101"));
        Assert.Equal("11", China.Find("110101")!.ParentId);
    }

    [Fact]
    public void Every_parent_comes_before_its_children()
    {
        var seen = new HashSet<string>();
        foreach (var body in China.InTopDownOrder)
        {
            Assert.True(body.ParentId is null || seen.Contains(body.ParentId), body.Id);
            seen.Add(body.Id);
        }
    }

    [Theory]
    [InlineData("14", BodyLevel.Province)]
    [InlineData("141181001", BodyLevel.Township)]
    [InlineData("14.sthj", BodyLevel.Department)]
    public void Reads_levels_from_ids(string id, BodyLevel expected)
    {
        Assert.True(BodyId.TryGetLevel(id, out var level, out _));
        Assert.Equal(expected, level);
    }

    [Theory]
    [InlineData("123")]
    [InlineData("14.生态")]
    [InlineData("abc")]
    [InlineData("")]
    public void Rejects_malformed_ids_with_a_reason(string id)
    {
        Assert.False(BodyId.TryGetLevel(id, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}
