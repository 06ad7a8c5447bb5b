using System.Text;
using GovOpenness.Domain.Parsing;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Tests.Parsing;

/// <summary>
/// Garbage and damaged documents: whatever comes in, the parser either returns a plan or throws
/// <see cref="PlanParseException"/>; any other exception is a bug. Random input is seeded, so a failure
/// reproduces.
/// </summary>
public class ParserRobustnessTests
{
    private const int Rounds = 150;

    private static readonly string[] Fragments =
    [
        "一、", "（一）", "(二)", "1.", "2、", "（1）", "①", "第一部分", "**", "## ", "\t", "|", "  ", "\n", "\r\n", "。", "，",
        "责任单位：", "（综合处负责）", "牵头单位：", "配合单位：", "序号", "工作任务", "具体要求", "责任单位", "时限要求",
        "附件", "抄送：", "印发", "2022年4月26日", "２０２２年", "13月底前", "2月30日", "每年3月底前", "从10月起", "3个工作日内",
        "到2025年", "持续推进", "晋政办发〔2022〕38号", "关于印发", "的通知", "工作要点", "政務公開", "—１１", "- 3 -", "（", "）", "〔", "〕",
        "\u3000", "\uFEFF", "\uD83D\uDE00", "𠀀", "\u200B", "\u00A0",
    ];

    [Fact]
    public void Random_fragments_of_the_genre_parse_or_are_refused_cleanly()
    {
        var random = new Random(20220426);
        for (var round = 0; round < Rounds; round++)
        {
            var builder = new StringBuilder();
            var count = random.Next(1, 200);
            for (var k = 0; k < count; k++)
            {
                builder.Append(Fragments[random.Next(Fragments.Length)]);
                if (random.Next(4) == 0)
                {
                    builder.Append((char)random.Next(0x4E00, 0x9FA5));
                }
            }

            AssertParsesOrRefuses(builder.ToString(), $"fragments round {round}");
        }
    }

    [Fact]
    public void Random_bytes_decode_and_parse_or_are_refused_cleanly()
    {
        var random = new Random(38);
        for (var round = 0; round < Rounds; round++)
        {
            var bytes = new byte[random.Next(0, 4000)];
            random.NextBytes(bytes);
            AssertDecodesAndParsesOrRefuses(bytes, $"bytes round {round}");
        }
    }

    [Fact]
    public void Mutated_seeds_parse_or_are_refused_cleanly()
    {
        var random = new Random(35);
        foreach (var seed in Seeds.All)
        {
            var lines = Seeds.Text(seed).Split('\n');
            for (var round = 0; round < Rounds / 5; round++)
            {
                var mutated = lines.ToList();
                for (var m = random.Next(1, 30); m > 0 && mutated.Count > 0; m--)
                {
                    var at = random.Next(mutated.Count);
                    switch (random.Next(6))
                    {
                        case 0:
                            mutated.RemoveAt(at);
                            break;
                        case 1:
                            mutated.Insert(at, mutated[random.Next(mutated.Count)]);
                            break;
                        case 2:
                            mutated[at] = Truncate(mutated[at], random);
                            break;
                        case 3:
                            mutated[at] = Fragments[random.Next(Fragments.Length)] + mutated[at];
                            break;
                        case 4:
                            (mutated[at], mutated[^1]) = (mutated[^1], mutated[at]);
                            break;
                        default:
                            mutated[at] = new string(mutated[at].Reverse().ToArray());
                            break;
                    }
                }

                AssertParsesOrRefuses(string.Join('\n', mutated), $"seed {seed} round {round}");
            }

            var bytes = Encoding.UTF8.GetBytes(Seeds.Text(seed));
            for (var round = 0; round < Rounds / 5; round++)
            {
                var damaged = (byte[])bytes.Clone();
                for (var m = random.Next(1, 20); m > 0; m--)
                {
                    damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
                }

                AssertDecodesAndParsesOrRefuses(damaged[..random.Next(damaged.Length)], $"seed {seed} bytes round {round}");
            }
        }
    }

    private static string Truncate(string line, Random random) => line.Length == 0 ? line : line[..random.Next(line.Length)];

    private static void AssertDecodesAndParsesOrRefuses(byte[] bytes, string what)
    {
        string text;
        try
        {
            text = PlanTextDecoder.Decode(bytes);
        }
        catch (PlanParseException e)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message), what);
            return;
        }
        catch (Exception e)
        {
            Assert.Fail($"{what}: decoding threw {e.GetType().Name}: {e.Message}");
            return;
        }

        AssertParsesOrRefuses(text, what);
    }

    private static void AssertParsesOrRefuses(string text, string what)
    {
        try
        {
            var plan = PlanParser.Parse(text);
            Assert.NotEmpty(plan.Items);
            Assert.All(plan.Items, i => Assert.True(i.Line >= 1, $"{what}: item {i.Id} has line {i.Line}"));
            Assert.Equal(plan.Items.Count, plan.Items.Select(i => i.Id).Distinct().Count());
        }
        catch (PlanParseException e)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message), what);
        }
        catch (Exception e)
        {
            Assert.Fail($"{what}: threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
        }
    }
}
