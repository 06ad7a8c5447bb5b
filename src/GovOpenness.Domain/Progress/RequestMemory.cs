using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace GovOpenness.Domain.Progress;

/// <summary>
/// The request ids an item has applied, kept long enough for real retries (today and yesterday, in the
/// item's stored state) and bound to the request's content: each entry is "id␟fingerprint␟date". An id
/// seen with the same content is a retry; with another content it is refused.
/// </summary>
public static class RequestMemory
{
    /// <summary>An item remembers at most this many ids (a day of updates to one item is far fewer).</summary>
    public const int MaxEntries = 64;

    private const char Separator = '\u001f';

    /// <summary>What identifies the request's content: the step and everything it carries.</summary>
    public static string Fingerprint(ProgressUpdate update)
    {
        var text = string.Join(Separator, update.Year, update.ItemId, update.Step, update.Percent, update.Note, string.Join('\n', update.Evidence));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 8);
    }

    /// <summary>Null when the id is unknown; otherwise whether it was seen with the same content.</summary>
    public static bool? Find(ImmutableArray<string> entries, string requestId, string fingerprint)
    {
        foreach (var entry in entries)
        {
            var parts = entry.Split(Separator);
            if (parts[0] == requestId)
            {
                // Entries written before fingerprints were kept carry the id alone: treat them as retries.
                return parts.Length < 2 || parts[1] == fingerprint;
            }
        }

        return null;
    }

    /// <summary>Adds an id, forgetting those older than yesterday, and the oldest beyond <see cref="MaxEntries"/>.</summary>
    public static ImmutableArray<string> Remember(ImmutableArray<string> entries, string requestId, string fingerprint, DateOnly today)
    {
        var keepFrom = today.AddDays(-1);
        var kept = entries.Where(e => e.Split(Separator) is [_, _, var day] && DateOnly.TryParse(day, System.Globalization.CultureInfo.InvariantCulture, out var d) && d >= keepFrom)
            .TakeLast(MaxEntries - 1);
        return [.. kept, string.Join(Separator, requestId, fingerprint, today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))];
    }
}
