namespace GovOpenness.Grains.Storage.Accounts;

/// <summary>A stored account: the body it belongs to, its roles, its password hash and its lockout state.</summary>
public sealed record AccountRecord(
    string Name,
    string BodyId,
    IReadOnlyList<string> Roles,
    string PasswordHash,
    int FailedCount,
    DateTimeOffset? LockedUntil,
    DateTimeOffset CreatedOn,
    string CreatedBy);

/// <summary>The roles an account may hold (stored as their names: never rename).</summary>
public static class AccountRoles
{
    /// <summary>编制: publishes, localizes and imports the body's own plan.</summary>
    public const string Editor = "editor";

    /// <summary>填报: the body's own 签收/办理/反馈.</summary>
    public const string Reporter = "reporter";

    /// <summary>复核: reviews the reports of direct children, urges bodies in the subtree.</summary>
    public const string Reviewer = "reviewer";

    /// <summary>管理: accounts of the body and its subtree.</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Editor, Reporter, Reviewer, Admin];

    public static string ChineseName(string role) => role switch
    {
        Editor => "编制",
        Reporter => "填报",
        Reviewer => "复核",
        Admin => "管理",
        _ => role,
    };
}
