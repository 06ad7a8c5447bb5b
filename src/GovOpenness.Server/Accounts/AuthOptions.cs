namespace GovOpenness.Server.Accounts;

/// <summary>Sign-in settings, section "GovOpenness:Auth" (see README.md).</summary>
public sealed class AuthOptions
{
    public const string Section = "GovOpenness:Auth";

    /// <summary>The key bearer tokens are signed with (at least 32 characters); unset: generated once and kept in the data folder.</summary>
    public string? SigningKey { get; set; }

    /// <summary>How long an access token (and a viewer's sign-in) lasts.</summary>
    public int TokenMinutes { get; set; } = 60;

    /// <summary>Wrong passwords in a row before the account is locked.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Shortest password accepted for a new account or a reset.</summary>
    public int MinPasswordLength { get; set; } = 8;

    /// <summary>Other origins (scheme://host:port) whose pages may use the hub and cookie writes; none by default.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>Subscriptions one hub connection may hold at once.</summary>
    public int MaxSubscriptionsPerConnection { get; set; } = 64;
}

/// <summary>Optional OpenID Connect sign-in (统一身份认证), section "GovOpenness:Oidc"; off unless Authority is set.</summary>
public sealed class OidcOptions
{
    public const string Section = "GovOpenness:Oidc";

    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The claim of the identity platform that names the local account (the account must exist).</summary>
    public string AccountClaim { get; set; } = "preferred_username";

    /// <summary>Whether the platform's metadata must come over HTTPS (turn off only for a platform on a trusted intranet address without TLS).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
