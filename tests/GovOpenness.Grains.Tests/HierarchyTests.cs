using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Bodies;

namespace GovOpenness.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class HierarchyTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task DivisionsComeFromTheVendoredCatalog()
    {
        var view = (await _grains.GetGrain<IBodyGrain>("141181").GetViewAsync(0, 50)).Value!;

        Assert.Equal("孝义市", view.Body.Name);
        Assert.Equal("1411", view.Parent!.Id);
        Assert.All(view.Children, c => Assert.StartsWith("141181", c.Id, StringComparison.Ordinal));
        Assert.True(view.ChildCount > 5);
    }

    [Fact]
    public async Task AddedDepartmentIsListedUnderItsParent()
    {
        var (root, a, b, _) = await TestPlans.DepartmentTreeAsync(_grains);

        var view = (await _grains.GetGrain<IBodyGrain>(root).GetViewAsync(0, 10)).Value!;

        Assert.Equal("测试厅", view.Body.Name);
        Assert.Equal(new[] { a, b }.Order(), view.Children.Select(c => c.Id).Order());
    }

    [Fact]
    public async Task UnknownParentIsRejected()
    {
        var id = "11.x" + Guid.NewGuid().ToString("N")[..8];

        var result = await _grains.GetGrain<IBodyGrain>(id).RegisterDepartmentAsync(new DepartmentRegistration(id, "无上级局", "11.nosuch"));

        Assert.Equal(FailureKind.NotFound, result.Failure);
        Assert.Contains("不存在", result.Error);
    }

    [Fact]
    public async Task DepartmentCannotBeItsOwnAncestor()
    {
        var id = "11.y" + Guid.NewGuid().ToString("N")[..8];

        var result = await _grains.GetGrain<IBodyGrain>(id).RegisterDepartmentAsync(new DepartmentRegistration(id, "自指局", id));

        Assert.False(result.Succeeded);
        Assert.Null(await _grains.GetGrain<IBodyGrain>(id).GetInfoAsync());
    }

    [Fact]
    public async Task MalformedDepartmentIdIsRejected()
    {
        var result = await _grains.GetGrain<IBodyGrain>("14.生态").RegisterDepartmentAsync(new DepartmentRegistration("14.生态", "生态环境厅", "14"));

        Assert.Equal(FailureKind.Invalid, result.Failure);
        Assert.Contains("14.生态", result.Error);
    }
}
