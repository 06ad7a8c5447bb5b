namespace GovOpenness.Grains.Storage.Audit;

/// <summary>
/// Who acts, carried with the grain calls made for one request (Orleans' RequestContext), so that a
/// grain that writes can put the act's record in the same batch as its state: the signed-in account,
/// the request id and the client's address. Calls without it (the replay, the sample seeding) are the
/// system's own and are not recorded.
/// </summary>
/// <remarks>
/// One immutable value under one key: each <c>RequestContext.Set</c> copies the context's dictionary and
/// Orleans deep-copies mutable values into every call, so three string keys cost three copies per request.
/// </remarks>
public static class ActContext
{
    private const string Key = "gov.act";

    public static void Set(string account, string? requestId, string? clientAddress) =>
        RequestContext.Set(Key, new Act(account, NullIfEmpty(requestId), NullIfEmpty(clientAddress)));

    public static void Clear() => RequestContext.Remove(Key);

    /// <summary>The record of an act by the current account, or null when no account acts.</summary>
    public static AuditEntry? Entry(DateTimeOffset at, string? bodyId, string kind, string summary, string? requestId = null) =>
        RequestContext.Get(Key) is Act act
            ? new AuditEntry(at, act.Account, bodyId, kind, summary, requestId ?? act.RequestId, act.ClientAddress)
            : null;

    private static string? NullIfEmpty(string? value) => value is { Length: > 0 } ? value : null;
}

/// <summary>The acting account, the request's id and the client's address, as the request context carries them.</summary>
[GenerateSerializer, Immutable, Alias("gov.act")]
public sealed record Act(
    [property: Id(0)] string Account,
    [property: Id(1)] string? RequestId,
    [property: Id(2)] string? ClientAddress);
