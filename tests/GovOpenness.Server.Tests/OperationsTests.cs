using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovOpenness.Abstractions;
using GovOpenness.Grains.Storage.Journal;
using GovOpenness.Server.Operations;
using Microsoft.Extensions.DependencyInjection;
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
    [InlineData(typeof(Polly.Timeout.TimeoutRejectedException), true)]
    [InlineData(typeof(InvalidOperationException), false)]
    [InlineData(typeof(ArgumentException), false)]
    public void Transient_cluster_failures_are_told_apart_from_bugs(Type type, bool transient)
    {
        var exception = (Exception)Activator.CreateInstance(type, "x")!;

        Assert.Equal(transient, TransientFailureHandler.IsTransient(exception));
        Assert.Equal(transient, TransientFailureHandler.IsTransient(new InvalidOperationException("wrapped", exception)));
    }

    [Fact]
    public void A_cancellation_the_client_did_not_cause_is_transient_and_one_it_caused_is_not()
    {
        // Orleans answers a call whose activation was cancelled (its silo stopping) with this (fault suite seed 47805859).
        var activationCancelled = new InvalidOperationException("wrapped", new TaskCanceledException("A task was canceled."));
        using var aborted = new CancellationTokenSource();

        Assert.True(TransientFailureHandler.IsCancelledByTheCluster(activationCancelled, aborted.Token));
        aborted.Cancel();
        Assert.False(TransientFailureHandler.IsCancelledByTheCluster(activationCancelled, aborted.Token));
        Assert.False(TransientFailureHandler.IsCancelledByTheCluster(new InvalidOperationException("x"), CancellationToken.None));
    }

    [Fact]
    public void A_storage_failure_is_transient_by_its_type_not_by_a_message()
    {
        var driver = new Npgsql.NpgsqlException("Failed to connect to 127.0.0.1:1", new System.Net.Sockets.SocketException(111));
        var unavailable = new StorageUnavailableException("read body-plans of body/1401", driver);

        Assert.True(TransientFailureHandler.IsTransient(unavailable));
        Assert.True(TransientFailureHandler.IsTransient(new ProgressNotStoredException("1401/2022", unavailable)));

        // The old workaround matched the text of a codec error; a codec error is a bug to fix now, not a 503.
        Assert.False(TransientFailureHandler.IsTransient(new Orleans.Serialization.CodecNotFoundException("Could not find a codec for type Npgsql.NpgsqlException.")));
        Assert.False(TransientFailureHandler.IsTransient(new InvalidOperationException("relation \"x\" does not exist")));
    }

    [Fact]
    public void Storage_failures_cross_the_wire_with_their_type_and_the_drivers_message()
    {
        // Orleans' own serializer, as between silos: the driver's exception is not carried, only its name and message.
        var serializer = server.Factory.Services.GetRequiredService<Orleans.Serialization.Serializer>();
        var driver = new Npgsql.NpgsqlException("Failed to connect to 127.0.0.1:1");
        var sent = new ProgressNotStoredException("1401/2022", StorageUnavailableException.AtBoundary("journal commit", driver));

        var received = serializer.Deserialize<Exception>(serializer.SerializeToArray<Exception>(sent));

        var notStored = Assert.IsType<ProgressNotStoredException>(received);
        Assert.Equal("1401/2022", notStored.GrainKey);
        Assert.Equal(sent.Message, notStored.Message);
        var cause = Assert.IsType<StorageUnavailableException>(notStored.InnerException);
        Assert.Equal("Npgsql.NpgsqlException", cause.DriverExceptionType);
        Assert.Equal("Failed to connect to 127.0.0.1:1", cause.DriverMessage);
        Assert.Equal("journal commit", cause.Operation);

        // Orleans' placement timeout (Polly's) from a grain on another silo, as it arrives: a 503.
        var placement = serializer.Deserialize<Exception>(serializer.SerializeToArray<Exception>(new Polly.Timeout.TimeoutRejectedException("placement timed out")));
        Assert.True(TransientFailureHandler.IsTransient(Assert.IsType<Polly.Timeout.TimeoutRejectedException>(placement)));

        var stale = serializer.Deserialize<Exception>(serializer.SerializeToArray<Exception>(new StaleProgressWriteException("14/2022", 7)));
        Assert.Equal(7, Assert.IsType<StaleProgressWriteException>(stale).ExpectedVersion);
    }
}
