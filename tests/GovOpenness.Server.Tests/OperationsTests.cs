using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovOpenness.Server.Operations;
using Orleans.Runtime;

namespace GovOpenness.Server.Tests;

/// <summary>Issue 11's operator surface on the seeded server: readiness, metrics, and which failures are retriable 503s.</summary>
[Collection(SeededServerCollection.Name)]
public sealed class OperationsTests(SeededServer server)
{
    [Fact]
    public async Task Ready_names_the_silo_once_it_joined_the_cluster()
    {
        var response = await server.Client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ready = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ready", ready.GetProperty("status").GetString());
        Assert.True(ready.GetProperty("activeSilos").GetInt32() >= 1);
    }

    [Fact]
    public async Task Metrics_expose_orleans_and_the_journal_after_a_stored_step()
    {
        // A stored step moves the journal's counters (the seeded 孝义市 has the 2022 plan).
        var step = await server.Client.PostAsJsonAsync("/api/bodies/141181/progress", new { year = 2022, itemId = "1.1", step = "acknowledged", requestId = Guid.NewGuid().ToString("N") });
        Assert.Equal(HttpStatusCode.OK, step.StatusCode);

        var text = await server.Client.GetStringAsync("/metrics");

        Assert.Contains("govopenness_journal_records", text);
        Assert.Contains("govopenness_journal_commit_duration_seconds_bucket", text);
        Assert.Contains("govopenness_relay_depth", text);
        Assert.Contains("orleans_", text);
    }

    [Theory]
    [InlineData(typeof(SiloUnavailableException), true)]
    [InlineData(typeof(Npgsql.NpgsqlException), true)]
    [InlineData(typeof(TimeoutException), true)]
    [InlineData(typeof(InvalidOperationException), false)]
    [InlineData(typeof(ArgumentException), false)]
    public void Transient_cluster_failures_are_told_apart_from_bugs(Type type, bool transient)
    {
        var exception = (Exception)Activator.CreateInstance(type, "x")!;

        Assert.Equal(transient, TransientFailureHandler.IsTransient(exception));
        Assert.Equal(transient, TransientFailureHandler.IsTransient(new InvalidOperationException("wrapped", exception)));
    }

    [Theory]
    [InlineData("Could not find a codec for type Npgsql.NpgsqlException.", true)]
    [InlineData("Could not find a codec for type GovOpenness.Some.Record.", false)]
    public void A_database_failure_that_could_not_cross_the_wire_is_transient(string message, bool transient)
    {
        // What the caller of a grain sees when another silo's PostgreSQL call failed (found by the fault suite).
        var exception = new Orleans.Serialization.CodecNotFoundException(message);

        Assert.Equal(transient, TransientFailureHandler.IsTransient(exception));
    }
}
