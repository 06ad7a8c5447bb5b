namespace GovOpenness.Grains.State;

/// <summary>
/// A publisher's durable outbox: per year, the version being delivered and the children whose whole
/// subtree has acknowledged it. Acknowledgements are flushed in batches, not one write per child.
/// </summary>
public sealed class Outbox
{
    public Dictionary<int, OutboxEntry> Years { get; set; } = [];
}

public sealed class OutboxEntry
{
    public string Stamp { get; set; } = "";

    public List<string> Acknowledged { get; set; } = [];

    public bool Complete { get; set; }
}
