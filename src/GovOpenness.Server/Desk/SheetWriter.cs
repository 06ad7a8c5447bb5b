using System.Text;
using GovOpenness.Domain.Desk;
using MiniExcelLibs;

namespace GovOpenness.Server.Desk;

/// <summary>
/// Writes rows (headers plus cells) as .xlsx (MiniExcel, which writes row by row from a lazy sequence)
/// or CSV (UTF-8 with BOM, row by row straight to the response). The .xlsx goes through a temporary
/// file deleted on close: a zip package is finished by synchronous writes that Kestrel refuses, and
/// the file keeps memory flat however many rows a province has.
/// </summary>
public static class SheetWriter
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvType = "text/csv; charset=utf-8";

    public static async Task WriteCsvAsync(HttpResponse response, string fileName, IReadOnlyList<string> headers, IEnumerable<object?[]> rows, CancellationToken cancellation)
    {
        SetHeaders(response, fileName + ".csv", CsvType);
        await using var writer = new StreamWriter(response.Body, LedgerCsv.Encoding, bufferSize: 64 * 1024);

        // Each row is formatted in memory and handed on with an async write: the writer then empties a
        // full buffer asynchronously. Writing rows straight into it emptied its buffer with a synchronous
        // write once a province's rows outgrew it, which Kestrel refuses (the CSV of 山西省 failed).
        var line = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var count = 0;
        foreach (var row in rows.Prepend([.. headers]))
        {
            line.GetStringBuilder().Clear();
            LedgerCsv.WriteRow(line, row);
            await writer.WriteAsync(line.GetStringBuilder(), cancellation);
            if (++count % 2000 == 0)
            {
                await writer.FlushAsync(cancellation); // hand what is written to the client as it goes
            }
        }

        await writer.FlushAsync(cancellation);
    }

    public static async Task WriteXlsxAsync(HttpResponse response, string fileName, string sheetName, IReadOnlyList<string> headers, IEnumerable<object?[]> rows, CancellationToken cancellation)
    {
        var path = Path.Combine(Path.GetTempPath(), "govopenness-" + Guid.NewGuid().ToString("N") + ".xlsx");
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await WriteXlsxAsync(file, sheetName, headers, rows, cancellation);
        file.Position = 0;
        SetHeaders(response, fileName + ".xlsx", XlsxType);
        response.ContentLength = file.Length;
        await file.CopyToAsync(response.Body, cancellation);
    }

    /// <summary>The workbook into any stream (tests and benchmarks write it to memory or a file).</summary>
    public static Task WriteXlsxAsync(Stream stream, string sheetName, IReadOnlyList<string> headers, IEnumerable<object?[]> rows, CancellationToken cancellation) =>
        stream.SaveAsAsync(AsDictionaries(headers, rows), printHeader: true, sheetName: sheetName, excelType: ExcelType.XLSX, cancellationToken: cancellation);

    // MiniExcel names columns by the keys of each row; one reused key order keeps the columns as given.
    private static IEnumerable<IDictionary<string, object?>> AsDictionaries(IReadOnlyList<string> headers, IEnumerable<object?[]> rows)
    {
        foreach (var row in rows)
        {
            var cells = new Dictionary<string, object?>(headers.Count);
            for (var i = 0; i < headers.Count; i++)
            {
                cells[headers[i]] = i < row.Length ? row[i] : null;
            }

            yield return cells;
        }
    }

    private static void SetHeaders(HttpResponse response, string fileName, string contentType)
    {
        response.ContentType = contentType;
        // RFC 6266: an ASCII fallback plus the UTF-8 name, so 台账 survives in every browser.
        var ascii = new string([.. fileName.Select(c => c < 128 && c != '"' ? c : '_')]);
        response.Headers.ContentDisposition = $"attachment; filename=\"{ascii}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";
    }
}
