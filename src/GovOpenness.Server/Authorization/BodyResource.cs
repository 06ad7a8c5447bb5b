namespace GovOpenness.Server.Authorization;

/// <summary>
/// A body as authorization sees it: its id and its chain of ancestors, nearest first, ending at "cn".
/// </summary>
public sealed record BodyResource(string Id, IReadOnlyList<string> Ancestors)
{
    public string? ParentId => Ancestors.Count > 0 ? Ancestors[0] : null;

    /// <summary>How the account's body stands to this one.</summary>
    public BodyRelation RelationTo(string? accountBody, IReadOnlyList<string> accountAncestors)
    {
        if (accountBody is null)
        {
            return BodyRelation.None;
        }

        if (accountBody == Id)
        {
            return BodyRelation.Own;
        }

        if (ParentId == accountBody)
        {
            return BodyRelation.Child;
        }

        if (Ancestors.Contains(accountBody, StringComparer.Ordinal))
        {
            return BodyRelation.Descendant;
        }

        return accountAncestors.Contains(Id, StringComparer.Ordinal) ? BodyRelation.Ancestor : BodyRelation.None;
    }
}

/// <summary>What the resource body is to the account's body.</summary>
public enum BodyRelation
{
    None,
    Own,

    /// <summary>A direct child of the account's body (also a descendant).</summary>
    Child,

    /// <summary>Below the account's body, two or more levels down.</summary>
    Descendant,

    /// <summary>Above the account's body.</summary>
    Ancestor,
}
