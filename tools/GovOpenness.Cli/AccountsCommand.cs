using System.CommandLine;
using GovOpenness.Grains.Storage.Accounts;
using GovOpenness.Grains.Storage.Audit;
using Microsoft.AspNetCore.Identity;

namespace GovOpenness.Cli;

/// <summary>
/// <c>govctl accounts create-admin NAME --body ID</c> and <c>govctl accounts reset-password NAME</c>, from a
/// shell on the server's machine, straight on its database: the password from --password or the
/// environment variable GOVCTL_PASSWORD (so it need not appear in the shell's history). Both are recorded (留痕).
/// Exit codes: 0 done, 1 refused (name taken, no such account, password too short), 2 usage.
/// </summary>
internal static class AccountsCommand
{
    private const int MinPasswordLength = 8;
    private static readonly PasswordHasher<AccountRecord> Hasher = new();

    public static Command Create()
    {
        var accounts = new Command("accounts", "在服务器所在机器上管理账号：创建管理员、重设密码");
        accounts.Subcommands.Add(CreateAdmin());
        accounts.Subcommands.Add(ResetPassword());
        return accounts;
    }

    private static Command CreateAdmin()
    {
        var database = new DatabaseOptions();
        var name = new Argument<string>("name") { Description = "账号" };
        var body = new Option<string>("--body") { Description = "账号所属机构编码（默认 cn）", DefaultValueFactory = _ => "cn" };
        var password = new Option<string?>("--password") { Description = "密码（或环境变量 GOVCTL_PASSWORD）" };
        var command = new Command("create-admin", "创建一个管理员账号（管理本机构及下级机构的账号）") { name, body, password };
        database.AddTo(command);
        command.SetAction(async (result, cancellation) =>
        {
            if (PasswordOf(result.GetValue(password)) is not { } secret)
            {
                return 2;
            }

            var store = new AccountStore(database.Open(result));
            var now = DateTimeOffset.UtcNow;
            var account = new AccountRecord(AccountStore.Key(result.GetValue(name)!), result.GetValue(body)!, [AccountRoles.Admin], "", 0, null, now, "govctl");
            account = account with { PasswordHash = Hasher.HashPassword(account, secret) };
            var record = new AuditEntry(now, "govctl", account.BodyId, AuditKinds.Account, $"新建账号“{account.Name}”：管理", null, Environment.MachineName);
            if (!await store.TryCreateAsync(account, record, cancellation))
            {
                Console.Error.WriteLine($"账号“{account.Name}”已存在");
                return 1;
            }

            Console.WriteLine($"已创建管理员账号“{account.Name}”（机构 {account.BodyId}）");
            return 0;
        });
        return command;
    }

    private static Command ResetPassword()
    {
        var database = new DatabaseOptions();
        var name = new Argument<string>("name") { Description = "账号" };
        var password = new Option<string?>("--password") { Description = "新密码（或环境变量 GOVCTL_PASSWORD）" };
        var command = new Command("reset-password", "重设账号的密码并解除锁定") { name, password };
        database.AddTo(command);
        command.SetAction(async (result, cancellation) =>
        {
            if (PasswordOf(result.GetValue(password)) is not { } secret)
            {
                return 2;
            }

            var store = new AccountStore(database.Open(result));
            var account = await store.FindAsync(result.GetValue(name)!, cancellation);
            if (account is null)
            {
                Console.Error.WriteLine($"账号“{result.GetValue(name)}”不存在");
                return 1;
            }

            var record = new AuditEntry(DateTimeOffset.UtcNow, "govctl", account.BodyId, AuditKinds.Account, $"重设账号“{account.Name}”的密码", null, Environment.MachineName);
            await store.SetPasswordAsync(account.Name, Hasher.HashPassword(account, secret), record, cancellation);
            Console.WriteLine($"已重设账号“{account.Name}”的密码");
            return 0;
        });
        return command;
    }

    private static string? PasswordOf(string? option)
    {
        var password = option ?? Environment.GetEnvironmentVariable("GOVCTL_PASSWORD");
        if (password is null || password.Length < MinPasswordLength)
        {
            Console.Error.WriteLine($"请用 --password 或环境变量 GOVCTL_PASSWORD 给出至少{MinPasswordLength}个字符的密码");
            return null;
        }

        return password;
    }
}
