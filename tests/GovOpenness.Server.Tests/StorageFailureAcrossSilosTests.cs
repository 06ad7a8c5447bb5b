using System.Net;
using System.Text.Json;
using GovOpenness.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Runtime.Placement;

namespace GovOpenness.Server.Tests;

/// <summary>
/// A grain whose database read fails on one silo, called from another silo's web host: the failure
/// crosses the wire as <see cref="StorageUnavailableException"/> (Npgsql's own exception has no Orleans
/// codec) and the web host answers 503 with Retry-After by its type, never a bare 500.
/// </summary>
public sealed class StorageFailureAcrossSilosTests
{
    [PostgresFact]
    public async Task A_storage_failure_on_another_silo_answers_503_with_retry_after()
    {
        var postgres = PostgresFactAttribute.Require();
        var cluster = "storage-" + Guid.NewGuid().ToString("N")[..8];

        // The second silo's grain storage signs in as a role that may read Orleans' queries but not the state
        // table: every state read there fails in the real driver (PostgreSQL: permission denied); its
        // membership, journal and accounts use the real role.
        var healthy = LiveServer.InCluster(postgres, cluster);
        await healthy.InitializeAsync(); // applies the schema
        LiveServer? broken = null;
        try
        {
            var restricted = await RoleWithoutStateAsync(postgres);
            broken = LiveServer.InCluster(postgres, cluster, services: services => services.PostConfigure<AdoNetGrainStorageOptions>(
                GovOpenness.Grains.Hosting.SiloBuilderExtensions.InnerStorage,
                options => options.ConnectionString = restricted));
            await broken.InitializeAsync();
            await healthy.WaitForActiveSilosAsync(2);
            await broken.WaitForActiveSilosAsync(2);

            // 太原市's body grain activated on the broken silo, called from the healthy one: its lazy read fails
            // there, and what arrives here is the serializable type with the driver's type name.
            var brokenSilo = broken.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
            var body = healthy.Services.GetRequiredService<IGrainFactory>().GetGrain<IBodyGrain>("1401");
            RequestContext.Set(IPlacementDirector.PlacementHintKey, brokenSilo);
            StorageUnavailableException crossed;
            try
            {
                crossed = await Assert.ThrowsAsync<StorageUnavailableException>(() => body.GetPlanAsync(2022));
            }
            finally
            {
                RequestContext.Clear();
            }

            Assert.Equal("Npgsql.PostgresException", crossed.DriverExceptionType);
            Assert.Contains("42501", crossed.DriverMessage, StringComparison.Ordinal); // insufficient_privilege

            // Through the healthy silo's HTTP API: the same grain (still on the broken silo) answers 503.
            var response = await healthy.Client.GetAsync("/api/bodies/1401/plans/2022");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("服务暂不可用", problem.GetProperty("title").GetString());
        }
        finally
        {
            if (broken is not null)
            {
                await broken.DisposeAsync();
            }

            await healthy.DisposeAsync();
        }
    }

    /// <summary>A role that may read Orleans' query table (the storage provider loads its queries at start) and nothing else.</summary>
    private static async Task<string> RoleWithoutStateAsync(string postgres)
    {
        const string role = "govopenness_no_state";
        await using (var connection = new Npgsql.NpgsqlConnection(postgres))
        {
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand($"""
                DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN CREATE ROLE {role} LOGIN; END IF; END $$;
                GRANT SELECT ON orleansquery TO {role};
                """, connection);
            await command.ExecuteNonQueryAsync();
        }

        return new Npgsql.NpgsqlConnectionStringBuilder(postgres) { Username = role, Pooling = false }.ConnectionString;
    }
}
