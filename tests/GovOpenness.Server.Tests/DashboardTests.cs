using System.Net;

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
}
