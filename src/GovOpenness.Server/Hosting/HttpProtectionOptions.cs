namespace GovOpenness.Server.Hosting;

/// <summary>Configuration section "GovOpenness:Http": rate limits and cross-origin access.</summary>
public sealed class HttpProtectionOptions
{
    public const string Section = "GovOpenness:Http";

    /// <summary>Requests one client (see <see cref="HttpProtection.PartitionKey"/>) may make per minute; more get 429.</summary>
    public int RequestsPerMinute { get; set; } = 1_200;

    /// <summary>How many requests one client may send at once beyond the steady rate.</summary>
    public int Burst { get; set; } = 200;

    /// <summary>Costly requests (document alignment, import) one client may run at the same time.</summary>
    public int CostlyConcurrent { get; set; } = 2;

    /// <summary>
    /// Sign-in attempts (token, cookie sign-in, setup) one client address may make per minute, on top of the
    /// lockout of an account after repeated wrong passwords (GovOpenness:Auth:MaxFailedAttempts).
    /// </summary>
    public int SignInsPerMinute { get; set; } = 60;

    /// <summary>Origins allowed to call the API from a browser page of another site; empty: none (CORS closed).</summary>
    public string[] CorsOrigins { get; set; } = [];
}
