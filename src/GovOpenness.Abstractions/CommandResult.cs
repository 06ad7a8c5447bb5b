namespace GovOpenness.Abstractions;

/// <summary>What kind of failure a rejected command is, so the web host can pick the HTTP status.</summary>
public enum FailureKind
{
    None = 0,
    Invalid = 1,
    NotFound = 2,
    Conflict = 3,

    /// <summary>The change was valid but could not be stored (e.g. a failed commit); nothing was applied.</summary>
    Unavailable = 4,
}

/// <summary>
/// The outcome of a grain command: success, or a failure with a Chinese message saying what and where.
/// Grains return this instead of throwing so that bad input never surfaces as an unhandled exception.
/// </summary>
[GenerateSerializer, Immutable, Alias("gov.CommandResult`1")]
public sealed record CommandResult<T>(
    [property: Id(0)] T? Value,
    [property: Id(1)] FailureKind Failure,
    [property: Id(2)] string? Error)
{
    public bool Succeeded => Failure == FailureKind.None;

    public static CommandResult<T> Ok(T value) => new(value, FailureKind.None, null);

    public static CommandResult<T> Fail(FailureKind kind, string error) => new(default, kind, error);
}
