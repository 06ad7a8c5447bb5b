using System.Globalization;
using System.Text;

namespace GovOpenness.Domain.Desk;

/// <summary>
/// The 台账 as CSV that Excel and WPS open with Chinese intact: UTF-8 with a byte-order mark, CRLF line
/// ends, RFC 4180 quoting. Cells that a spreadsheet would run as a formula (=, +, -, @ first) get a
/// leading apostrophe, so a note typed by a body cannot become a formula on a supervisor's machine.
/// </summary>
public static class LedgerCsv
{
    /// <summary>UTF-8 with the BOM Excel needs to read the file as UTF-8.</summary>
    public static Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static void WriteRow(TextWriter writer, IEnumerable<object?> cells)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(cells);
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                writer.Write(',');
            }

            first = false;
            writer.Write(Escape(cell));
        }

        writer.Write("\r\n");
    }

    public static string Escape(object? cell)
    {
        var text = cell switch
        {
            null => "",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => cell.ToString() ?? "",
        };
        if (cell is string && text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
