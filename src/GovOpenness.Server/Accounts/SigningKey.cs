using System.Security.Cryptography;
using System.Text;
using GovOpenness.Server.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace GovOpenness.Server.Accounts;

/// <summary>
/// The HMAC key bearer tokens are signed with: from configuration, or generated on the first start and
/// kept in the data folder (readable by the server's user only). Several silos behind one address need
/// the same key in configuration, or a token issued by one is refused by the others.
/// </summary>
public static class SigningKey
{
    public const string FileName = "signing-key";

    public static SymmetricSecurityKey Load(AuthOptions auth, ServerOptions server)
    {
        if (!string.IsNullOrWhiteSpace(auth.SigningKey))
        {
            var configured = Encoding.UTF8.GetBytes(auth.SigningKey);
            return configured.Length >= 32
                ? new SymmetricSecurityKey(configured)
                : throw new InvalidOperationException("GovOpenness:Auth:SigningKey 至少须有32个字符");
        }

        var folder = Path.GetFullPath(server.DataDirectory);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            var fresh = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
            try
            {
                using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
                {
                    if (!OperatingSystem.IsWindows())
                    {
                        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                    }

                    stream.Write(Encoding.ASCII.GetBytes(fresh));
                }
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first: use theirs.
            }
        }

        return new SymmetricSecurityKey(Convert.FromBase64String(File.ReadAllText(path).Trim()));
    }
}
