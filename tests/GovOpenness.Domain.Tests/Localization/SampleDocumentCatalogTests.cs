using GovOpenness.Domain.Localization.Samples;

namespace GovOpenness.Domain.Tests.Localization;

public class SampleDocumentCatalogTests
{
    [Fact]
    public void The_five_embedded_documents_are_listed_with_what_the_parser_reads()
    {
        var documents = SampleDocumentCatalog.Documents;

        Assert.Equal(["000", "001", "002", "003", "004"], documents.Select(d => d.Number));
        var xiaoyi = documents.Single(d => d.Number == "002");
        Assert.Equal(("孝义市人民政府办公室", "孝政办发〔2022〕24号", 2022), (xiaoyi.Issuer, xiaoyi.DocNumber, xiaoyi.Year));
        Assert.Equal(new DateOnly(2022, 7, 14), xiaoyi.IssueDate);
    }

    [Fact]
    public void Every_known_pair_names_documents_that_exist_and_xiaoyi_comes_first()
    {
        var numbers = SampleDocumentCatalog.Documents.Select(d => d.Number).ToHashSet();

        Assert.All(SampleDocumentCatalog.KnownPairs, p => Assert.True(numbers.Contains(p.Parent) && numbers.Contains(p.Child), p.Label));
        Assert.Equal(("001", "002"), (SampleDocumentCatalog.KnownPairs[0].Parent, SampleDocumentCatalog.KnownPairs[0].Child));
    }

    [Fact]
    public void A_document_is_served_whole_and_an_unknown_number_is_null()
    {
        Assert.Contains("孝义市2022年政务公开工作要点", SampleDocumentCatalog.TextOf("002"));
        Assert.Null(SampleDocumentCatalog.TextOf("999"));
    }
}
