namespace GovOpenness.Grains.Storage.Audit;

/// <summary>
/// One act for the record (留痕), before it is chained: when, by which account, at which body, what
/// (kind and a short before → after), and which request from which address.
/// </summary>
/// <param name="Kind">One of <see cref="AuditKinds"/>.</param>
/// <param name="Summary">What changed, short (e.g. "5.3：已签收 → 办理中 40%").</param>
public sealed record AuditEntry(
    DateTimeOffset At,
    string Account,
    string? BodyId,
    string Kind,
    string Summary,
    string? RequestId,
    string? ClientAddress)
{
    /// <summary>Longest summary stored: the record says what changed, it does not copy documents.</summary>
    public const int MaxSummary = 500;

    public AuditEntry Shortened() => Summary.Length <= MaxSummary ? this : this with { Summary = Summary[..(MaxSummary - 1)] + "…" };
}

/// <summary>A stored record: its place in the chain, the previous record's hash and its own.</summary>
public sealed record AuditRecord(long Seq, AuditEntry Entry, string PrevHash, string Hash);

/// <summary>The kinds of act the record holds (stored: never rename).</summary>
public static class AuditKinds
{
    public const string Publish = "publish";
    public const string Localize = "localize";
    public const string Import = "import";
    public const string Division = "division";
    public const string Department = "department";
    public const string Progress = "progress";
    public const string Review = "review";
    public const string Urge = "urge";

    /// <summary>A draft saved (草稿): not published, nothing reached the children.</summary>
    public const string Draft = "draft";

    /// <summary>An evidence file uploaded (佐证材料).</summary>
    public const string Evidence = "evidence";
    public const string Account = "account";
    public const string SignIn = "signIn";
    public const string SignInFailed = "signInFailed";

    public static IReadOnlyList<string> All { get; } = [Publish, Localize, Import, Division, Department, Progress, Review, Urge, Draft, Evidence, Account, SignIn, SignInFailed];
}
