using GovOpenness.Domain.Text;

namespace GovOpenness.Domain.Tests.Text;

public class ChineseTextTests
{
    [Fact]
    public void Full_width_digits_and_brackets_fold_to_ascii()
    {
        Assert.Equal("(一)11月底前:2022", ChineseText.FoldWidth("（一）１１月底前：２０２２"));
    }

    [Fact]
    public void Chinese_only_punctuation_is_kept()
    {
        Assert.Equal("〔2022〕38号、“五公开”。", ChineseText.FoldWidth("〔２０２２〕３８号、“五公开”。"));
    }

    [Fact]
    public void Traditional_characters_read_as_simplified()
    {
        Assert.Equal("责任单位：市行政审批局", ChineseText.ToSimplified("責任單位：市行政審批局"));
        Assert.Equal("政务公开工作要点", ChineseText.ToSimplified("政務公開工作要點"));
        Assert.True(ChineseText.HasTraditional("政務公開"));
        Assert.False(ChineseText.HasTraditional("政务公开"));
    }
}
