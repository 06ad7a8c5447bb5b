using System.Data.Common;
using System.Net.Sockets;
using Orleans.Runtime;

namespace GovOpenness.Abstractions;

/// <summary>
/// The database could not be reached or refused an operation (a PostgreSQL restart, a dropped
/// connection, a busy SQLite file). Thrown at the storage boundary in place of the driver's own
/// exception: Npgsql's exceptions have no Orleans codec, so a grain on one silo whose storage failed
/// could not tell a caller on another silo why (it saw a <c>CodecNotFoundException</c> instead). This
/// one crosses the wire with the driver's type name and message, and the web host answers it 503 with
/// Retry-After by its type.
/// </summary>
[GenerateSerializer, Alias("gov.StorageUnavailableException")]
public sealed class StorageUnavailableException : OrleansException
{
    public StorageUnavailableException()
    {
    }

    /// <param name="operation">What was being done, e.g. "read body-plans of body/14" (for logs, not users).</param>
    /// <param name="driverException">The driver's exception; kept by type name and message only (it cannot cross silos).</param>
    public StorageUnavailableException(string operation, Exception driverException)
        : base($"数据库暂不可用（{operation}）：{driverException.GetType().FullName}: {driverException.Message}")
    {
        Operation = operation;
        DriverExceptionType = driverException.GetType().FullName ?? driverException.GetType().Name;
        DriverMessage = driverException.Message;
    }

    [Id(0)]
    public string Operation { get; private set; } = "";

    /// <summary>The driver's exception type, e.g. <c>Npgsql.NpgsqlException</c>.</summary>
    [Id(1)]
    public string DriverExceptionType { get; private set; } = "";

    [Id(2)]
    public string DriverMessage { get; private set; } = "";

    /// <summary>
    /// Whether <paramref name="exception"/> is the database driver's or the network's failure (which
    /// this type stands in for), or wraps one, not a bug or a grain's own answer such as a stale ETag.
    /// </summary>
    public static bool IsDriverFailure(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException or SocketException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The exception to throw across the storage boundary: a driver failure wrapped, anything else unchanged.</summary>
    public static Exception AtBoundary(string operation, Exception exception) =>
        IsDriverFailure(exception) ? new StorageUnavailableException(operation, exception) : exception;
}
