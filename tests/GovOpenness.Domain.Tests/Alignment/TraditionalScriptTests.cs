using GovOpenness.Domain.Alignment;
using GovOpenness.Domain.Parsing;
using GovOpenness.Domain.Text;

namespace GovOpenness.Domain.Tests.Alignment;

/// <summary>Copies of plans circulate in traditional characters; they must align as the simplified original.</summary>
public class TraditionalScriptTests
{
    /// <summary>A small simplified → traditional substitution, enough to change most sentences of a plan.</summary>
    private static readonly Dictionary<char, char> ToTraditional = new()
    {
        ['务'] = '務', ['开'] = '開', ['发'] = '發', ['门'] = '門', ['网'] = '網', ['执'] = '執', ['监'] = '監',
        ['审'] = '審', ['项'] = '項', ['办'] = '辦', ['应'] = '應', ['责'] = '責', ['单'] = '單', ['关'] = '關',
        ['时'] = '時', ['设'] = '設', ['进'] = '進', ['动'] = '動', ['传'] = '傳', ['规'] = '規', ['范'] = '範',
        ['强'] = '強', ['级'] = '級', ['数'] = '數', ['据'] = '據', ['报'] = '報', ['对'] = '對', ['为'] = '為',
    };

    [Fact]
    public void The_substitution_really_is_traditional_script_that_folds_back()
    {
        foreach (var (simplified, traditional) in ToTraditional)
        {
            Assert.Equal(simplified.ToString(), ChineseText.ToSimplified(traditional.ToString()));
        }
    }

    [Fact]
    public void Traditional_copy_of_the_county_plan_aligns_like_the_original()
    {
        var original = Seeds.Text("002");
        var traditional = new string([.. original.Select(c => ToTraditional.GetValueOrDefault(c, c))]);
        Assert.NotEqual(original, traditional);

        var expected = DocumentAligner.Align(Seeds.Province2022, PlanParser.Parse(original));
        var actual = DocumentAligner.Align(Seeds.Province2022, PlanParser.Parse(traditional));

        Assert.Equal(Summary(expected), Summary(actual));
        Assert.Equal(expected.Coverage, actual.Coverage);
        Assert.NotEmpty(expected.Pairs);
    }

    private static List<string> Summary(AlignmentResult result) =>
        [.. result.Pairs.Select(p => $"{p.Child.Id}<-{string.Join(',', p.Parents.Select(x => x.Id))}:{p.Change}:{p.Confidence}")];
}
