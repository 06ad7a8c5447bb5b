using GovOpenness.Domain.Alignment;
using Xunit.Abstractions;

namespace GovOpenness.Domain.Tests.Alignment;

public class AlignmentProbe(ITestOutputHelper output)
{
    [Theory]
    [InlineData("001", 2022, "002", 2022)]
    [InlineData("001", 2022, "000", 2022)]
    [InlineData("003", 2021, "001", 2022)]
    [InlineData("002", 2022, "004", 2022)]
    [InlineData("004", 2022, "002", 2022)]
    public void Probe(string parentId, int py, string childId, int cy)
    {
        var parent = Seeds.Plan(parentId, py);
        var child = Seeds.Plan(childId, cy);
        var r = DocumentAligner.Align(parent, child);
        output.WriteLine($"coverage {r.Coverage} meanconf {r.MeanConfidence:F2} index {r.Escalation.Value}");
        foreach (var p in r.Pairs)
        {
            output.WriteLine($"{p.Child.Id} {p.Child.Heading[..Math.Min(14, p.Child.Heading.Length)]} <- {string.Join(",", p.Parents.Select(x => x.Id + x.Heading[..Math.Min(10, x.Heading.Length)]))} {p.Change} [{string.Join(",", p.Flags)}] s={p.Score} c={p.Confidence} {string.Join(";", p.DeadlineShifts.Select(s => $"{s.FromDate:MM-dd}→{s.ToDate:MM-dd} {s.Direction}"))}");
        }

        output.WriteLine("dropped: " + string.Join(" | ", r.Dropped.Select(d => d.Id + d.Heading[..Math.Min(10, d.Heading.Length)])));
        output.WriteLine("added: " + string.Join(" | ", r.Added.Select(d => d.Id + d.Heading[..Math.Min(10, d.Heading.Length)])));
        foreach (var p in r.Sections)
        {
            output.WriteLine($"S {p.Child.Id} {p.Child.Heading} <- {string.Join(",", p.Parents.Select(x => x.Id + x.Heading))} c={p.Confidence}");
        }

        var (cs, _) = (0, 0);
        _ = cs;
        foreach (var line in DocumentAligner.Diagnose(parent, child))
        {
            output.WriteLine(line);
        }

        Assert.NotNull(r);
    }
}
