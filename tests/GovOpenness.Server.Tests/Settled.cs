namespace GovOpenness.Server.Tests;

/// <summary>
/// The tests' one way to wait for the pipeline: the server's own signal that every delivery, flush, push and
/// journal write has settled (GET /health/settled?wait=60), never a wait by the clock. A failure reports what
/// the server said was still pending.
/// </summary>
internal static class Settled
{
    /// <summary>Waits until the server says it has settled; fails with the server's report otherwise.</summary>
    public static async Task WaitSettledAsync(this HttpClient client)
    {
        using var response = await client.GetAsync("/health/settled?wait=60");
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
