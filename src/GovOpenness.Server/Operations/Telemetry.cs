using System.Diagnostics.Metrics;
using GovOpenness.Grains.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace GovOpenness.Server.Operations;

/// <summary>
/// OpenTelemetry: Orleans' meters ("Microsoft.Orleans") and ours ("GovOpenness", GovOpennessMetrics,
/// and the web host's below) for Prometheus at /metrics; traces HTTP → grain → journal exported over
/// OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set (nothing is collected otherwise).
/// </summary>
public static class Telemetry
{
    public const string WebMeterName = "GovOpenness.Web";

    private static readonly Meter WebMeter = new(WebMeterName);

    /// <summary>Grain push → this host received it (the SignalR send follows within the group interval).</summary>
    public static readonly Histogram<double> PushLatency = WebMeter.CreateHistogram<double>("govopenness.live.push.latency", "s", "From a progress grain's push to this web host receiving it");

    private static Func<int> _connections = () => 0;

    static Telemetry() => WebMeter.CreateObservableGauge("govopenness.hub.connections", () => _connections(), "{connection}", "SignalR connections subscribed on this host");

    public static WebApplicationBuilder AddGovOpennessTelemetry(this WebApplicationBuilder builder)
    {
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("govopenness-server"))
            .WithMetrics(metrics => metrics
                .AddMeter("Microsoft.Orleans", GovOpennessMetrics.MeterName, WebMeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
                .AddPrometheusExporter());
        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", GovOpennessMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddOtlpExporter());
            builder.UseOrleans(silo => silo.AddActivityPropagation());
        }

        return builder;
    }

    private static bool ScrapeTokenMatches(string header, string token) =>
        header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()), System.Text.Encoding.UTF8.GetBytes(token));

    public static WebApplication MapGovOpennessMetrics(this WebApplication app)
    {
        // The silo's instruments exist from the start, not from the first flush that asks for them.
        app.Services.GetService<GovOpennessMetrics>();
        var broadcaster = app.Services.GetService<Live.SummaryBroadcaster>();
        if (broadcaster is not null)
        {
            _connections = () => broadcaster.ConnectionCount;
        }

        // Counts and timings of the whole server (tagged by route template and level, never by body), so
        // anonymous by default for scrapers that do not sign in; GovOpenness:Metrics:Token asks for a
        // static bearer token instead (Prometheus' authorization.credentials).
        var token = app.Configuration["GovOpenness:Metrics:Token"];
        app.MapPrometheusScrapingEndpoint("/metrics", meterProvider: null, configureBranchedPipeline: string.IsNullOrEmpty(token) ? null : branch => branch.Use(async (context, next) =>
        {
            if (!ScrapeTokenMatches(context.Request.Headers.Authorization.ToString(), token))
            {
                await Results.Problem("指标接口需要令牌：Authorization: Bearer <GovOpenness:Metrics:Token>", statusCode: StatusCodes.Status401Unauthorized, title: "未登录")
                    .ExecuteAsync(context);
                return;
            }

            await next(context);
        }), optionsName: null).AllowAnonymous();
        return app;
    }
}
