using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Parsing;

/// <summary>Finds and normalizes every deadline phrase in an item's text.</summary>
public static class DeadlineExtractor
{
    /// <summary>
    /// The deadlines <paramref name="text"/> states, in order, resolved against the plan's
    /// <paramref name="year"/> unless the text names one. Phrases that look like deadlines but give an
    /// impossible date ("13月底前", "2月30日") come back as warnings naming <paramref name="line"/>.
    /// </summary>
    public static (IReadOnlyList<Deadline> Deadlines, IReadOnlyList<PlanWarning> Warnings) Extract(string text, int year, int line = 0)
        => throw new NotImplementedException("DeadlineExtractor lands with issue 2.");
}
