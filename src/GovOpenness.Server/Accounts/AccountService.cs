using GovOpenness.Grains.Storage.Accounts;
using GovOpenness.Grains.Storage.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GovOpenness.Server.Accounts;

/// <summary>
/// Signing in (with lockout) and creating and resetting accounts. Passwords are hashed with ASP.NET Core
/// Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2 with a per-password salt); every change and
/// every failed sign-in is written together with its record (留痕).
/// </summary>
public sealed class AccountService(AccountStore store, IOptions<AuthOptions> options, TimeProvider time)
{
    private static readonly PasswordHasher<AccountRecord> Hasher = new();

    /// <summary>A valid hash of a random password, checked when the account does not exist, so that timing does not tell.</summary>
    private static readonly string DecoyHash = Hasher.HashPassword(null!, Guid.NewGuid().ToString());

    public async Task<SignInResult> SignInAsync(string? name, string? password, RequestOrigin origin, CancellationToken cancellation = default)
    {
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrEmpty(password))
        {
            return SignInResult.Refused("账号和密码都须填写");
        }

        var now = time.GetUtcNow();
        var account = await store.FindAsync(name, cancellation);
        if (account is null)
        {
            Hasher.VerifyHashedPassword(null!, DecoyHash, password);
            await store.AppendAsync(Record(now, name, null, AuditKinds.SignInFailed, "登录失败：账号不存在", origin), cancellation);
            return SignInResult.Refused("账号或密码错误");
        }

        if (account.LockedUntil is { } until && until > now)
        {
            await store.AppendAsync(Record(now, account.Name, account.BodyId, AuditKinds.SignInFailed, "登录失败：账号已锁定", origin), cancellation);
            return SignInResult.Refused($"连续输错密码次数过多，账号已锁定至{until.ToOffset(TimeSpan.FromHours(8)):HH:mm}（北京时间）");
        }

        var verified = Hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (verified == PasswordVerificationResult.Failed)
        {
            var failures = account.FailedCount + 1;
            var locks = failures >= options.Value.MaxFailedAttempts;
            var lockedUntil = locks ? now.AddMinutes(options.Value.LockoutMinutes) : (DateTimeOffset?)null;
            var what = locks ? $"登录失败：密码错误（连续第{failures}次），账号锁定{options.Value.LockoutMinutes}分钟" : $"登录失败：密码错误（连续第{failures}次）";
            await store.SetFailuresAsync(account.Name, locks ? 0 : failures, lockedUntil, Record(now, account.Name, account.BodyId, AuditKinds.SignInFailed, what, origin), cancellation);
            return SignInResult.Refused(locks ? $"连续输错密码{failures}次，账号已锁定{options.Value.LockoutMinutes}分钟" : "账号或密码错误");
        }

        if (account.FailedCount > 0 || account.LockedUntil is not null)
        {
            await store.SetFailuresAsync(account.Name, 0, null, null, cancellation);
        }

        if (verified == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await store.SetPasswordAsync(account.Name, Hasher.HashPassword(account, password), null, cancellation);
        }

        return SignInResult.Ok(account);
    }

    /// <summary>Creates an account after checking its fields; the caller has checked who may.</summary>
    public async Task<(AccountRecord? Account, string? Error)> CreateAsync(
        string? name, string? password, string bodyId, IReadOnlyList<string>? roles, string createdBy, RequestOrigin origin, CancellationToken cancellation = default)
    {
        if (NameError(name) is { } nameError)
        {
            return (null, nameError);
        }

        if (PasswordError(password) is { } passwordError)
        {
            return (null, passwordError);
        }

        if (roles is null || roles.Count == 0 || roles.Any(r => !AccountRoles.All.Contains(r)))
        {
            return (null, $"roles 须为 {string.Join("、", AccountRoles.All)} 中的一个或多个");
        }

        var now = time.GetUtcNow();
        var distinct = roles.Distinct().OrderBy(r => AccountRoles.All.ToList().IndexOf(r)).ToList();
        var account = new AccountRecord(AccountStore.Key(name!), bodyId, distinct, "", 0, null, now, createdBy);
        account = account with { PasswordHash = Hasher.HashPassword(account, password!) };
        var record = Record(now, createdBy, bodyId, AuditKinds.Account,
            $"新建账号“{account.Name}”：{string.Join("、", distinct.Select(AccountRoles.ChineseName))}", origin);
        return await store.TryCreateAsync(account, record, cancellation)
            ? (account, null)
            : (null, $"账号“{account.Name}”已存在");
    }

    public async Task<string?> ResetPasswordAsync(string name, string? password, string resetBy, RequestOrigin origin, CancellationToken cancellation = default)
    {
        if (PasswordError(password) is { } error)
        {
            return error;
        }

        var account = await store.FindAsync(name, cancellation);
        if (account is null)
        {
            return $"账号“{name}”不存在";
        }

        var record = Record(time.GetUtcNow(), resetBy, account.BodyId, AuditKinds.Account, $"重设账号“{account.Name}”的密码", origin);
        return await store.SetPasswordAsync(account.Name, Hasher.HashPassword(account, password!), record, cancellation) ? null : $"账号“{name}”不存在";
    }

    public string? PasswordError(string? password) =>
        password is null || password.Length < options.Value.MinPasswordLength
            ? $"密码至少须有{options.Value.MinPasswordLength}个字符"
            : password.Length > 200 ? "密码不能超过200个字符" : null;

    public static string? NameError(string? name) =>
        string.IsNullOrWhiteSpace(name) || name.Trim().Length > 64 || name.Trim().Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c is ',' or '"' or '<' or '>')
            ? "账号须为1到64个字符，不含空格、逗号、引号或尖括号"
            : null;

    private static AuditEntry Record(DateTimeOffset at, string account, string? bodyId, string kind, string summary, RequestOrigin origin) =>
        new(at, account, bodyId, kind, summary, origin.RequestId, origin.ClientAddress);
}

/// <summary>Where a request came from, for the record.</summary>
public sealed record RequestOrigin(string? RequestId, string? ClientAddress)
{
    public static RequestOrigin Of(HttpContext context) => new(context.TraceIdentifier, context.Connection.RemoteIpAddress?.ToString());

    public static RequestOrigin Shell { get; } = new(null, "govctl");
}

/// <summary>The outcome of a sign-in: the account, or why not (in Chinese).</summary>
public sealed record SignInResult(AccountRecord? Account, string? Error)
{
    public static SignInResult Ok(AccountRecord account) => new(account, null);

    public static SignInResult Refused(string error) => new(null, error);
}
