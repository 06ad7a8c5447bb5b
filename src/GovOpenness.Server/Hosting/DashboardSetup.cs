using Orleans.Dashboard;

namespace GovOpenness.Server.Hosting;

/// <summary>
/// The Orleans dashboard at /dashboard (silos, grain types, calls, latencies). On by default; turn it
/// off with GovOpenness:Dashboard:Enabled=false. Only administrators of cn (the State Council) may open it.
/// </summary>
public static class DashboardSetup
{
    public const string Path = "/dashboard";
    private const string EnabledKey = "GovOpenness:Dashboard:Enabled";

    public static WebApplicationBuilder AddGovOpennessDashboard(this WebApplicationBuilder builder)
    {
        if (IsEnabled(builder.Configuration))
        {
            // A second UseOrleans call configures the same co-hosted silo.
            builder.UseOrleans(silo => silo.AddDashboard());
        }

        return builder;
    }

    public static WebApplication MapGovOpennessDashboard(this WebApplication app)
    {
        if (IsEnabled(app.Configuration))
        {
            app.MapOrleansDashboard(routePrefix: Path).RequireAuthorization(Accounts.AuthSetup.NationAdmin);
        }

        return app;
    }

    private static bool IsEnabled(IConfiguration configuration) => configuration.GetValue(EnabledKey, defaultValue: true);
}
