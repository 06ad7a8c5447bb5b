namespace GovOpenness.Domain.Plans;

/// <summary>One item on the wire.</summary>
public sealed record PlanJsonItem(
    string Id,
    IReadOnlyList<string> Path,
    string Heading,
    string Text,
    IReadOnlyList<PlanJsonDeadline> Deadlines,
    IReadOnlyList<string> Units,
    int Line,
    IReadOnlyList<string>? Lead = null,
    IReadOnlyList<string>? Cooperating = null,
    IReadOnlyList<string>? Collective = null)
{
    public static PlanJsonItem From(PlanItem item)
        => new(item.Id, item.Path, item.Heading, item.Text, [.. item.Deadlines.Select(PlanJsonDeadline.From)], item.Units, item.Line,
            item.Lead, item.Cooperating, item.Collective);

    public PlanItem ToItem()
        => new(Id, Path ?? [], Heading ?? string.Empty, Text ?? string.Empty, [.. (Deadlines ?? []).Select(d => d.ToDeadline())], Units ?? [], Line)
        {
            Lead = Lead ?? [],
            Cooperating = Cooperating ?? [],
            Collective = Collective ?? [],
        };
}
