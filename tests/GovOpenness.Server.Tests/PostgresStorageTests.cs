namespace GovOpenness.Server.Tests;

/// <summary>The storage scenario on the throwaway PostgreSQL server, including a restart.</summary>
public sealed class PostgresStorageTests
{
    [PostgresFact]
    public async Task DepartmentPlanAndLocalizationSurviveARestartOnPostgres()
    {
        var postgres = PostgresFactAttribute.Require();
        var cluster = "tests-" + Guid.NewGuid().ToString("N")[..8];
        var unused = TempFolder.Create("govopenness-pg");
        try
        {
            var written = await StorageScenario.WriteAsync(() => new ServerFactory(unused, postgres, seed: false, clusterId: cluster));

            await StorageScenario.VerifyAsync(() => new ServerFactory(unused, postgres, seed: false, clusterId: cluster), written);
            Assert.False(File.Exists(Path.Combine(unused, "govopenness.db")));
        }
        finally
        {
            TempFolder.Delete(unused);
        }
    }
}
