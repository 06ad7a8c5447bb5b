using System.Text;
using GovOpenness.Domain.Parsing;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Tests.Parsing;

public class PlanTextDecoderTests
{
    private const string Sample = "山西省２０２２年政务公开工作要点\n一、坚持公开就是承诺\n(一)以权威发布促落实";

    [Fact]
    public void Utf8_with_and_without_bom_decodes_to_the_same_text()
    {
        var bytes = Encoding.UTF8.GetBytes(Sample);
        Assert.Equal(Sample, PlanTextDecoder.Decode(bytes));
        Assert.Equal(Sample, PlanTextDecoder.Decode([0xEF, 0xBB, 0xBF, .. bytes]));
    }

    [Fact]
    public void Utf16_with_a_bom_or_with_the_zero_byte_pattern_decodes()
    {
        Assert.Equal(Sample, PlanTextDecoder.Decode(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Sample)).ToArray()));
        Assert.Equal(Sample, PlanTextDecoder.Decode(Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(Sample)).ToArray()));
        Assert.Equal(Sample, PlanTextDecoder.Decode(Encoding.Unicode.GetBytes(Sample)));
    }

    [Fact]
    public void Gb18030_bytes_that_are_not_utf8_decode_as_gb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var seed = Seeds.Text("002");
        var bytes = Encoding.GetEncoding("GB18030").GetBytes(seed);

        Assert.Equal(seed, PlanTextDecoder.Decode(bytes));
        Assert.Equal(PlanParser.Parse(seed).Items.Count, PlanParser.Parse(PlanTextDecoder.Decode(bytes)).Items.Count);
    }

    [Fact]
    public void A_file_over_the_limit_is_refused_from_its_length()
    {
        var e = Assert.Throws<PlanParseException>(() => PlanTextDecoder.Decode(new byte[PlanLimits.MaxDocumentSize + 1]));
        Assert.Contains("过大", e.Message);
    }

    [Fact]
    public void Bytes_that_no_supported_encoding_reads_are_refused()
    {
        // 0x80 cannot start a UTF-8 sequence, nor a GB18030 one; no UTF-16 zero-byte pattern.
        var e = Assert.Throws<PlanParseException>(() => PlanTextDecoder.Decode([0x80, 0x80, 0x80, 0xFF, 0x80]));
        Assert.Contains("编码", e.Message);
    }
}
