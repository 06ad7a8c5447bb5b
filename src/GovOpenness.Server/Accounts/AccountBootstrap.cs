using GovOpenness.Domain.Hierarchy;
using GovOpenness.Grains.Storage.Accounts;

namespace GovOpenness.Server.Accounts;

/// <summary>
/// On the first start (no account yet): the administrator "admin" of cn with the password from
/// GovOpenness:Bootstrap:AdminPassword, or, without it, a one-time setup code printed to the console and
/// no account. With GovOpenness:DemoAccounts=true, the sample cascade's demo accounts (README).
/// </summary>
internal sealed partial class AccountBootstrap(
    AccountStore store, AccountService accounts, SetupCode setup, IConfiguration configuration, ILogger<AccountBootstrap> logger) : IHostedService
{
    public const string AdminName = "admin";

    /// <summary>The demo accounts' password (said plainly in the README: demo data only).</summary>
    public const string DemoPassword = "demo-2022";

    /// <summary>The sample cascade's bodies and their demo account names.</summary>
    public static readonly IReadOnlyList<(string Name, string BodyId)> DemoAccounts =
        [("demo-cn", BodyId.Nation), ("demo-shanxi", "14"), ("demo-lvliang", "1411"), ("demo-xiaoyi", "141181"), ("demo-sthj", "14.sthj")];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!await store.AnyAsync(cancellationToken))
        {
            var password = configuration["GovOpenness:Bootstrap:AdminPassword"];
            if (string.IsNullOrEmpty(password))
            {
                var code = setup.Issue();
                Console.WriteLine($"尚无任何账号。一次性初始化码：{code}（POST /api/auth/setup {{\"code\":\"{code}\",\"password\":\"…\"}} 创建管理员 admin）");
                LogSetupCode(logger, code);
            }
            else
            {
                var (_, error) = await accounts.CreateAsync(AdminName, password, BodyId.Nation, [AccountRoles.Admin], "bootstrap", RequestOrigin.Shell, cancellationToken);
                if (error is not null)
                {
                    throw new InvalidOperationException($"GovOpenness:Bootstrap:AdminPassword 不可用：{error}");
                }

                LogCreated(logger);
            }
        }

        if (configuration.GetValue("GovOpenness:DemoAccounts", false))
        {
            foreach (var (name, body) in DemoAccounts)
            {
                if (await store.FindAsync(name, cancellationToken) is null)
                {
                    await accounts.CreateAsync(name, DemoPassword, body, AccountRoles.All, "demo", RequestOrigin.Shell, cancellationToken);
                }
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "No account exists yet: create the administrator with the one-time setup code {Code} (POST /api/auth/setup)")]
    private static partial void LogSetupCode(ILogger logger, string code);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the administrator account 'admin' of cn from GovOpenness:Bootstrap:AdminPassword")]
    private static partial void LogCreated(ILogger logger);
}
