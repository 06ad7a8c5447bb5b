using System.IO.Packaging;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Parsing;

/// <summary>
/// Reads a Word document (.docx, what these plans are written in) into the plain text
/// <see cref="PlanParser"/> reads: one line per paragraph, in document order; a table's cells one per
/// line, each ending with " |" (the exported task-table shape <c>PipeCellTable</c> reads). Numbering
/// Word generates (list numbering rather than typed “一、”) is not in the text and is not reconstructed:
/// documents of this kind type their numbers.
/// </summary>
public static class DocxText
{
    /// <summary>Whether the bytes look like a zip package (a .docx), as opposed to plain text.</summary>
    public static bool LooksLikeDocx(ReadOnlySpan<byte> bytes) => bytes.StartsWith("PK\u0003\u0004"u8);

    /// <summary>The document's text; throws <see cref="PlanParseException"/> (in Chinese) for a file that is not a readable .docx.</summary>
    public static string Extract(byte[] bytes)
    {
        if (bytes.Length > PlanLimits.MaxDocumentSize)
        {
            throw new PlanParseException($"文件过大：{bytes.Length / (1024.0 * 1024.0):F1} MB，超过 {PlanLimits.MaxDocumentSizeText} 的上限。");
        }

        try
        {
            // A part may not unpack to more characters than a document this size could hold (a zip bomb stops here).
            var settings = new OpenSettings { MaxCharactersInPart = 40L * PlanLimits.MaxDocumentSize };
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = WordprocessingDocument.Open(stream, isEditable: false, settings);
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new PlanParseException("Word 文件中没有正文（word/document.xml）。");
            var text = new StringBuilder();
            foreach (var element in body.ChildElements)
            {
                Append(text, element);
                if (text.Length > PlanLimits.MaxDocumentSize)
                {
                    throw new PlanParseException($"Word 文件的正文超过 {PlanLimits.MaxDocumentSizeText} 的上限。");
                }
            }

            return text.ToString();
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or IOException or System.Xml.XmlException
            or InvalidOperationException)
        {
            throw new PlanParseException($"无法读取 Word 文件（.docx）：文件已损坏或不是 Word 文档（{e.GetType().Name}）。");
        }
    }

    private static void Append(StringBuilder text, OpenXmlElement element)
    {
        switch (element)
        {
            case Paragraph paragraph:
                text.Append(ParagraphText(paragraph)).Append('\n');
                break;
            case Table table:
                foreach (var row in table.Elements<TableRow>())
                {
                    foreach (var cell in row.Elements<TableCell>())
                    {
                        text.AppendJoin('\n', cell.Elements<Paragraph>().Select(ParagraphText).Where(t => t.Length > 0)).Append(" |\n");
                    }
                }

                break;
            case SdtBlock block:
                foreach (var inner in block.SdtContentBlock?.ChildElements ?? Enumerable.Empty<OpenXmlElement>())
                {
                    Append(text, inner);
                }

                break;
        }
    }

    /// <summary>The text of a paragraph's runs (deleted revisions left out), tabs kept, breaks as spaces.</summary>
    private static string ParagraphText(Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (var node in paragraph.Descendants())
        {
            if (node.Ancestors<DeletedRun>().Any())
            {
                continue;
            }

            switch (node)
            {
                case DocumentFormat.OpenXml.Wordprocessing.Text t:
                    text.Append(t.Text);
                    break;
                case TabChar:
                    text.Append('\t');
                    break;
                case Break or CarriageReturn:
                    text.Append(' ');
                    break;
            }
        }

        return text.ToString();
    }
}
