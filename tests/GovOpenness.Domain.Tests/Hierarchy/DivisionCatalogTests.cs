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

    [Fact]
    public void TheVillageDepthNumbersEachTownshipsVillagesAsTheSimulationDoes()
    {
        var china = DivisionCatalog.China;
        Assert.Equal(665_268, china.CountAt(HierarchyDepth.Village));
        Assert.Equal(china.Count, china.CountAt(HierarchyDepth.Township));
        var villages = china.ChildrenOf("150121100", HierarchyDepth.Village);
        Assert.Equal(china.VillageCount("150121100"), villages.Count);
        Assert.Equal("150121100001", villages[0]);
        Assert.Equal(new Body("150121100001", "察素齐镇第1村（居）委会", "150121100", BodyLevel.Village), china.Find("150121100001", HierarchyDepth.Village));
        Assert.Null(china.Find("150121100000", HierarchyDepth.Village));
        Assert.Null(china.Find("150121100001", HierarchyDepth.Township));
        Assert.Empty(china.ChildrenOf("150121100", HierarchyDepth.Township));
        Assert.Equal(china.ChildrenOf("150121"), china.ChildrenOf("150121", HierarchyDepth.Village));
    }
}
