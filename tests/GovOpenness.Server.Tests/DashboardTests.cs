using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace GovOpenness.Server.Tests;

[Collection(SeededServerCollection.Name)]
public sealed class DashboardTests(SeededServer server)
{
    [Fact]
    public async Task The_orleans_dashboard_answers_at_dashboard()
    {
        var response = await server.Client.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_dashboard_can_be_turned_off()
    {
        var folder = TempFolder.Create("govopenness-nodashboard");
        try
        {
            await using var factory = new ServerFactory(folder, seed: false);
            await using var withoutDashboard = factory.WithWebHostBuilder(b => b.UseSetting("GovOpenness:Dashboard:Enabled", "false"));
            using var client = withoutDashboard.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", ActingHandler.TokenFor(withoutDashboard.Services, "cn"));

            var response = await client.GetAsync("/dashboard");

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }
}
