namespace GovOpenness.Server.Tests;

/// <summary>
/// A test that needs the throwaway PostgreSQL server tools/scripts/postgres.sh starts. Without its
/// connection string the test is skipped with the reason shown, except in CI (CI=true), where it runs
/// and fails: storage tests on PostgreSQL must never pass silently.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "GOVOPENNESS_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString) && !IsCi)
        {
            Skip = $"未设置 {Variable}：先运行 tools/scripts/postgres.sh start（或 tools/scripts/test.sh），PostgreSQL 存储测试才会运行";
        }
    }

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable);

    private static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The connection string, or a failure saying how to get one.</summary>
    public static string Require() => string.IsNullOrWhiteSpace(ConnectionString)
        ? throw new InvalidOperationException($"CI=true but {Variable} is not set: tools/scripts/test.sh must start PostgreSQL (tools/scripts/postgres.sh start) before dotnet test.")
        : ConnectionString;
}
