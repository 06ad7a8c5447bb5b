using System.Collections.Immutable;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;
using GovOpenness.Domain.Alignment;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Parsing;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Tests.Alignment;

/// <summary>
/// Importing a body's own document pair by pair: the Word form of a real plan reads as its text does, a
/// person's re-pair and un-pair replace the aligner's links (and nothing else), corrections naming tasks
/// the documents lack are refused in Chinese, and a later date is left out of the imported draft.
/// </summary>
public class ImportCorrectionTests
{
    private static byte[] Docx(string text)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var body = new Body();
            foreach (var line in text.Split('\n'))
            {
                // Word splits a line into runs wherever formatting or an edit changed: the reader must join them.
                var cut = line.Length / 3;
                body.Append(new Paragraph(new Run(new WordText(line[..cut]) { Space = SpaceProcessingModeValues.Preserve }),
                    new Run(new WordText(line[cut..].TrimEnd('\r')) { Space = SpaceProcessingModeValues.Preserve })));
            }

            document.AddMainDocumentPart().Document = new Document(body);
        }

        return stream.ToArray();
    }

    [Fact]
    public void A_real_plan_saved_as_docx_reads_to_the_same_items_as_its_text()
    {
        var text = Seeds.Text("002");
        var fromWord = PlanParser.Parse(DocxText.Extract(Docx(text)));
        var fromText = PlanParser.Parse(text);

        Assert.True(DocxText.LooksLikeDocx(Docx(text)));
        Assert.Equal(fromText.Title, fromWord.Title);
        Assert.Equal(fromText.Items.Select(i => (i.Id, i.Heading, i.Deadlines.Count)), fromWord.Items.Select(i => (i.Id, i.Heading, i.Deadlines.Count)));
        Assert.True(fromWord.Items.Count > 20, $"{fromWord.Items.Count} items");
    }

    [Fact]
    public void A_file_that_is_not_a_word_document_is_refused_in_chinese()
    {
        var error = Assert.Throws<PlanParseException>(() => DocxText.Extract([.. "PK\u0003\u0004"u8.ToArray(), .. new byte[64]]));
        Assert.Contains("无法读取 Word 文件", error.Message);
    }

    [Fact]
    public void A_repaired_and_an_unpaired_item_replace_the_aligners_links_and_leave_the_other_pairs_alone()
    {
        var parent = Seeds.Province2022;
        var child = Seeds.EnvironmentDepartment;
        var proposed = DocumentAligner.Align(parent, child);
        var moved = proposed.Pairs[0];
        var unpaired = proposed.Pairs[1];
        var target = proposed.Dropped.Count > 0 ? proposed.Dropped[0] : proposed.Pairs[^1].Parents[0];
        PairCorrection[] corrections = [new(moved.Child.Id, target.Id), new(unpaired.Child.Id, null)];

        Assert.Null(PairCorrection.Problem(parent, child, corrections));
        var corrected = DocumentAligner.Align(parent, child, corrections);

        Assert.Equal(target.Id, Assert.Single(corrected.Pairs, p => p.Child.Id == moved.Child.Id).Parents.Single().Id);
        Assert.DoesNotContain(corrected.Pairs, p => p.Child.Id == unpaired.Child.Id);
        Assert.Contains(corrected.Added, i => i.Id == unpaired.Child.Id);
        var untouched = proposed.Pairs.Skip(2).Where(p => p.Parents.All(x => x.Id != target.Id)).ToList();
        Assert.All(untouched, p => Assert.Equal(p.Parents.Select(x => x.Id),
            corrected.Pairs.Single(c => c.Child.Id == p.Child.Id).Parents.Select(x => x.Id)));
    }

    [Fact]
    public void Corrections_naming_tasks_the_documents_lack_or_twice_the_same_task_are_refused()
    {
        var parent = Seeds.Province2022;
        var child = Seeds.EnvironmentDepartment;
        var childTask = DocumentAligner.Align(parent, child).Pairs[0].Child.Id;

        Assert.Contains("本级文件中没有可配对的事项“99.9”", PairCorrection.Problem(parent, child, [new("99.9", null)]));
        Assert.Contains("上级工作要点中没有可配对的事项“88”", PairCorrection.Problem(parent, child, [new(childTask, "88")]));
        Assert.Contains("重复更正", PairCorrection.Problem(parent, child, [new(childTask, null), new(childTask, null)]));
    }

    [Fact]
    public void A_date_the_document_moved_later_is_left_to_the_parents_in_the_draft_with_a_note()
    {
        var due = new DateOnly(2022, 6, 30);
        var parentItem = new PlanItem("1", ["一"], "公开预算", "全面公开预算决算信息。6月底前完成。", [new Deadline("6月底前", DeadlineKind.By, due)], ["财政局"], 1);
        var childItem = parentItem with { Text = "全面公开预算决算信息。9月底前完成。", Deadlines = [new Deadline("9月底前", DeadlineKind.By, new DateOnly(2022, 9, 30))] };
        var parent = new PublishedPlan("p", 2022, 1, "上级要点", null, new DateOnly(2022, 3, 1), [parentItem]);
        var parentDocument = new PlanDocument("上级要点", null, null, new DateOnly(2022, 3, 1), 2022, [parentItem], []);
        var childDocument = new PlanDocument("本级要点", null, null, new DateOnly(2022, 4, 1), 2022, [childItem], []);

        var imported = ImportedDraft.From(DocumentAligner.Align(parentDocument, childDocument), parent, new DateOnly(2022, 4, 1));

        Assert.DoesNotContain(imported.Localization.Changes, c => c is TightenDeadline);
        Assert.Contains("晚于上级期限", Assert.Single(imported.Notes));
        Assert.True(LocalizationValidator.Default.Validate(parent, imported.Localization, new DateOnly(2022, 4, 1)).IsValid);
    }
}
