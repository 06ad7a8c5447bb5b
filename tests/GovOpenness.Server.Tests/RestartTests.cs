using System.Net;

namespace GovOpenness.Server.Tests;

/// <summary>A server stopped and started again on the same SQLite file loses nothing.</summary>
public sealed class RestartTests : IDisposable
{
    private readonly string _dataDirectory = TempFolder.Create("govopenness-restart");

    public void Dispose() => TempFolder.Delete(_dataDirectory);

    [Fact]
    public async Task DepartmentPlanAndLocalizationSurviveARestart()
    {
        var written = await StorageScenario.WriteAsync(() => new ServerFactory(_dataDirectory, seed: false));

        await StorageScenario.VerifyAsync(() => new ServerFactory(_dataDirectory, seed: false), written);
    }

    [Fact]
    public async Task SqliteFileLivesInTheConfiguredDataFolder()
    {
        await using (var factory = new ServerFactory(_dataDirectory, seed: false))
        {
            Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/health")).StatusCode);
        }

        Assert.True(File.Exists(Path.Combine(_dataDirectory, "govopenness.db")));
    }
}
