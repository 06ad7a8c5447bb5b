using System.Security.Cryptography;

namespace GovOpenness.FaultSuite;

/// <summary>
/// The bootstrap administrator's password and the bearer tokens' signing key every silo of a run shares
/// (a token one silo issues must be accepted by the others). Fresh per run, never written anywhere.
/// </summary>
public sealed record ClusterSecrets(string AdminPassword, string SigningKey)
{
    public static ClusterSecrets Generate() =>
        new(Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)));
}
