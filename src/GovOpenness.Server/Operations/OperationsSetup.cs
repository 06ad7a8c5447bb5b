namespace GovOpenness.Server.Operations;

/// <summary>What an operator and a load balancer need: transient failures as 503 + Retry-After, readiness, metrics and traces.</summary>
public static class OperationsSetup
{
    public static WebApplicationBuilder AddGovOpennessOperations(this WebApplicationBuilder builder)
    {
        builder.Services.AddExceptionHandler<TransientFailureHandler>();

        // SIGTERM: time for the silo to drain its relay, flush its grains and leave the cluster.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(45));
        builder.AddGovOpennessTelemetry();
        return builder;
    }

    /// <summary>Every 503 tells the client when to retry (the grains' own "Unavailable" answers included).</summary>
    public static WebApplication UseRetryAfterOn503(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                if (context.Response.StatusCode == StatusCodes.Status503ServiceUnavailable && !context.Response.Headers.ContainsKey("Retry-After"))
                {
                    context.Response.Headers.RetryAfter = TransientFailureHandler.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return Task.CompletedTask;
            });
            await next(context);
        });
        return app;
    }
}
