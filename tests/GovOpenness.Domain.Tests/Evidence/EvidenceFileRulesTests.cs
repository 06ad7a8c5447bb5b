using GovOpenness.Domain.Evidence;

namespace GovOpenness.Domain.Tests.Evidence;

public sealed class EvidenceFileRulesTests
{
    private static readonly byte[] Pdf = "%PDF-1.7"u8.ToArray();

    [Fact]
    public void A_pdf_an_image_and_an_office_document_whose_first_bytes_match_are_accepted()
    {
        Assert.Null(EvidenceFileRules.Problem("公开情况.pdf", 100, 1000, Pdf));
        Assert.Null(EvidenceFileRules.Problem("截图.PNG", 100, 1000, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A]));
        Assert.Null(EvidenceFileRules.Problem("台账.xlsx", 100, 1000, "PK\u0003\u0004"u8));
        Assert.Equal("application/pdf", EvidenceFileRules.ContentTypeOf("公开情况.pdf"));
    }

    [Theory]
    [InlineData("报告.exe", "不支持的佐证材料类型")]
    [InlineData("报告", "无扩展名")]
    [InlineData("伪装.docx", "不符")]
    public void A_wrong_type_or_a_disguised_file_is_refused_in_chinese(string name, string expected)
    {
        Assert.Contains(expected, EvidenceFileRules.Problem(name, 100, 1000, [0x4D, 0x5A, 0x90, 0x00]));
    }

    [Fact]
    public void An_empty_or_oversized_file_is_refused_with_its_size_and_the_limit()
    {
        Assert.Contains("空文件", EvidenceFileRules.Problem("a.pdf", 0, 1000, Pdf));
        Assert.Equal("佐证材料“a.pdf”过大（2 MB，上限1 MB）", EvidenceFileRules.Problem("a.pdf", 2 * 1024 * 1024, 1024 * 1024, Pdf));
    }
}
