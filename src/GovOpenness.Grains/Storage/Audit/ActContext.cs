namespace GovOpenness.Grains.Storage.Audit;

/// <summary>
/// Who acts, carried with the grain calls made for one request (Orleans' RequestContext), so that a
/// grain that writes can put the act's record in the same batch as its state: the signed-in account,
/// the request id and the client's address. Calls without it (the replay, the sample seeding) are the
/// system's own and are not recorded.
/// </summary>
public static class ActContext
{
    private const string AccountKey = "gov.act.account";
    private const string RequestKey = "gov.act.request";
    private const string AddressKey = "gov.act.address";

    public static void Set(string account, string? requestId, string? clientAddress)
    {
        RequestContext.Set(AccountKey, account);
        RequestContext.Set(RequestKey, requestId ?? "");
        RequestContext.Set(AddressKey, clientAddress ?? "");
    }

    public static void Clear()
    {
        RequestContext.Remove(AccountKey);
        RequestContext.Remove(RequestKey);
        RequestContext.Remove(AddressKey);
    }

    /// <summary>The record of an act by the current account, or null when no account acts.</summary>
    public static AuditEntry? Entry(DateTimeOffset at, string? bodyId, string kind, string summary, string? requestId = null) =>
        RequestContext.Get(AccountKey) is string account
            ? new AuditEntry(at, account, bodyId, kind, summary, requestId ?? NullIfEmpty(RequestContext.Get(RequestKey)), NullIfEmpty(RequestContext.Get(AddressKey)))
            : null;

    private static string? NullIfEmpty(object? value) => value is string { Length: > 0 } text ? text : null;
}
