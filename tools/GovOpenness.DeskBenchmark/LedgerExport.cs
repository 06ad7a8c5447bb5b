using System.Diagnostics;
using System.Text;
using MiniExcelLibs;

namespace GovOpenness.DeskBenchmark;

/// <summary>
/// The 台账 of 山西省's subtree (<c>GET /api/bodies/14/ledger?format=xlsx|csv</c>) over HTTP on the real sample
/// plan and the recorded progress, against writing the same rows raw in the same run: the workbook's own
/// cells read back (MiniExcel), comma-joined without quoting or row objects, into memory (best of three).
/// A download that fails is reported as such, not thrown: the other figures still stand.
/// </summary>
public sealed class LedgerExport(DeskClient http, ColdStart cold)
{
    public async Task<LedgerFigures> MeasureAsync(string bodyId, int year)
    {
        var url = $"/api/bodies/{bodyId}/ledger?year={year}&format=";
        var (isCold, left) = await cold.PrepareAsync();
        var xlsxCold = await TryAsync(url + "xlsx") with { Left = isCold ? null : left };
        var xlsxWarm = await TryAsync(url + "xlsx");
        var csv = await TryAsync(url + "csv");
        if (xlsxWarm.Failure is not null)
        {
            return new LedgerFigures(0, xlsxCold, xlsxWarm, csv, double.NaN);
        }

        using var workbook = new MemoryStream(xlsxWarm.Body!);
        var rows = workbook.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToArray()).ToList();
        var raw = Enumerable.Range(0, 3).Min(_ => WriteRaw(rows));
        return new LedgerFigures(rows.Count - 1, xlsxCold, xlsxWarm, csv, raw);
    }

    private async Task<Download> TryAsync(string url)
    {
        try
        {
            var (ms, body) = await http.DownloadAsync(url);
            return new Download(ms, body, null);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException)
        {
            return new Download(double.NaN, null, e.InnerException?.Message ?? e.Message);
        }
    }

    private static double WriteRaw(List<string[]> rows)
    {
        var watch = Stopwatch.StartNew();
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, Encoding.UTF8, 65536, leaveOpen: true))
        {
            foreach (var row in rows)
            {
                foreach (var cell in row)
                {
                    writer.Write(cell);
                    writer.Write(',');
                }

                writer.Write("\r\n");
            }
        }

        return watch.Elapsed.TotalMilliseconds;
    }
}

/// <summary>One download: its time to the last byte and the bytes, or why it failed.</summary>
public sealed record Download(double Ms, byte[]? Body, string? Failure)
{
    /// <summary>For a cold download: the activations the collection left when it did not leave the silo cold.</summary>
    public int? Left { get; init; }

    public string Describe(double rawMs) => Failure is null
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Ms:N0} ms ({Body!.Length / 1048576.0:F1} MB) = {Ms / rawMs:F1}× raw{(Left is { } left && left >= 0 ? $" (not cold: {left:N0} activations left)" : "")}")
        : $"FAILED ({Failure})";
}

/// <summary>The export's figures: rows (header left out), the downloads, and the raw baseline's time in ms.</summary>
public sealed record LedgerFigures(int Rows, Download XlsxCold, Download XlsxWarm, Download Csv, double RawMs)
{
    public bool AllAnswered => XlsxCold.Failure is null && XlsxWarm.Failure is null && Csv.Failure is null;
}
