namespace GovOpenness.Viewer.Tests;

/// <summary>
/// A browser test: needs Debian's Chromium at /usr/bin/chromium (tools/scripts/test.sh and .ci/run install it).
/// Without it the test is skipped with the reason shown, except in CI (CI=true), where it runs and fails
/// with a clear message instead of passing silently.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ChromiumPath) && !IsCi)
        {
            Skip = $"未找到 {ChromiumPath}：请先安装 Debian 的 chromium 软件包（apt-get install chromium），浏览器测试已跳过";
        }
    }

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
