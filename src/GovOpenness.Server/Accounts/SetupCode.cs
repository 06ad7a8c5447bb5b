using System.Security.Cryptography;

namespace GovOpenness.Server.Accounts;

/// <summary>
/// The one-time code printed on a first start without GovOpenness:Bootstrap:AdminPassword: whoever reads
/// the server's console can create the first administrator with it (POST /api/auth/setup), once.
/// </summary>
public sealed class SetupCode
{
    private readonly Lock _lock = new();
    private string? _code;

    public string Issue()
    {
        lock (_lock)
        {
            return _code ??= Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        }
    }

    /// <summary>True once for the right code; the code is then spent.</summary>
    public bool TryRedeem(string? code)
    {
        lock (_lock)
        {
            if (_code is null || code is null || !CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(_code), System.Text.Encoding.UTF8.GetBytes(code.Trim().ToUpperInvariant())))
            {
                return false;
            }

            _code = null;
            return true;
        }
    }
}
