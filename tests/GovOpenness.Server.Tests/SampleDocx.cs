using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace GovOpenness.Server.Tests;

/// <summary>
/// A real document of samples/documents as the Word file (.docx) its office wrote: one paragraph per line
/// of the vendored text, each line's words in runs split as Word splits them when a line is edited (so the
/// reader must join runs). The repository vendors the plans as text only; this rebuilds their Word form.
/// </summary>
public static class SampleDocx
{
    public static byte[] Of(string number)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var body = new Body();
            foreach (var line in SampleDocuments.Read(number).Split('\n'))
            {
                var text = line.TrimEnd('\r');
                var cut = text.Length / 2;
                body.Append(new Paragraph(
                    new Run(new RunProperties(new RunFonts { EastAsia = "仿宋_GB2312" }), new Text(text[..cut]) { Space = SpaceProcessingModeValues.Preserve }),
                    new Run(new Text(text[cut..]) { Space = SpaceProcessingModeValues.Preserve })));
            }

            document.AddMainDocumentPart().Document = new Document(body);
        }

        return stream.ToArray();
    }
}
