using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace GovOpenness.Server.Hosting;

/// <summary>
/// What every HTTP answer is held to on a government network: security headers, CORS closed unless
/// configured, a rate limit per client and a tighter one for costly requests.
/// </summary>
public static class HttpProtection
{
    /// <summary>The rate-limiter policy for requests whose cost grows with their input (align, import).</summary>
    public const string CostlyPolicy = "costly";

    /// <summary>The rate-limiter policy for signing in: per client address, whoever it claims to be (a password guesser has no account).</summary>
    public const string SignInPolicy = "sign-in";

    /// <summary>
    /// Who a request counts against: the signed-in account (authentication runs before the limiter, see
    /// Program.cs), else the client address; every limit follows. Prefixed so no address is an account.
    /// </summary>
    public static Func<HttpContext, string> PartitionKey { get; set; } =
        context => Accounts.AccountClaims.AccountOf(context.User) is { } account
            ? "account:" + account
            : "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    /// <summary>No inline scripts or styles anywhere in the viewer (checked by the viewer tests), so none are allowed.</summary>
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplicationBuilder AddGovOpennessHttpProtection(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(HttpProtectionOptions.Section).Get<HttpProtectionOptions>() ?? new HttpProtectionOptions();
        builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy =>
        {
            if (options.CorsOrigins.Length > 0)
            {
                policy.WithOrigins(options.CorsOrigins).WithMethods("GET", "POST").WithHeaders("Content-Type", "If-Match", "Authorization").WithExposedHeaders("ETag");
            }
        }));
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellation) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                await TypedResults.Problem("请求过于频繁，请稍后再试", statusCode: StatusCodes.Status429TooManyRequests, title: "请求过多")
                    .ExecuteAsync(context.HttpContext);
            };
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetTokenBucketLimiter(PartitionKey(context), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.Burst,
                    TokensPerPeriod = Math.Max(1, options.RequestsPerMinute / 60),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            limiter.AddPolicy(SignInPolicy, context =>
                RateLimitPartition.GetFixedWindowLimiter("address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.SignInsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            limiter.AddPolicy(CostlyPolicy, context =>
                RateLimitPartition.GetConcurrencyLimiter(PartitionKey(context), _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = options.CostlyConcurrent,
                    QueueLimit = 0,
                }));
        });
        return builder;
    }

    /// <summary>Headers first (so even a rejected request carries them), then CORS, then the limits.</summary>
    public static WebApplication UseGovOpennessHttpProtection(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            // The Orleans dashboard ships inline scripts of its own: it only gets frame-ancestors (and is an operator's page).
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/dashboard")
                ? "frame-ancestors 'none'"
                : ContentSecurityPolicy;
            return next(context);
        });
        app.UseCors();
        app.UseRateLimiter();
        return app;
    }
}
