using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace GovOpenness.Server.Tests.Hardening;

/// <summary>Requests for bodies that do not exist leave no grain activations behind (memory stays bounded).</summary>
public sealed class UnknownIdTests : IAsyncLifetime
{
    private readonly string _data = TempFolder.Create("govopenness-unknown");
    private ServerFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new ServerFactory(_data, seed: false);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task UnknownDivisionIdsActivateNoGrain()
    {
        var client = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/bodies/14")).StatusCode);
        var before = await ActivationsAsync();

        for (var i = 0; i < 500; i++)
        {
            var id = (990000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var path = (i % 4) switch
            {
                0 => $"/api/bodies/{id}",
                1 => $"/api/bodies/{id}/plans/2022",
                2 => $"/api/bodies/{id}/summary?year=2022",
                _ => $"/api/bodies/{id}/progress?year=2022",
            };
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
        }

        Assert.Equal(before, await ActivationsAsync());
    }

    private async Task<int> ActivationsAsync()
    {
        var management = _factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        var statistics = await management.GetSimpleGrainStatistics();
        return statistics.Where(s => s.GrainType.Contains("BodyGrain", StringComparison.Ordinal) || s.GrainType.Contains("ProgressGrain", StringComparison.Ordinal))
            .Sum(s => s.ActivationCount);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        TempFolder.Delete(_data);
    }
}
