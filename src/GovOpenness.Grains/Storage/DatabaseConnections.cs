using System.Data.Common;
using Npgsql;

namespace GovOpenness.Grains.Storage;

/// <summary>
/// Connections to the project's database (SQLite file or PostgreSQL, as <see cref="StorageSettings"/>
/// says) for the tables outside Orleans' storage: accounts and the record. Rows are keyed by ServiceId.
/// </summary>
public sealed class DatabaseConnections(StorageSettings settings) : IDisposable
{
    private readonly NpgsqlDataSource? _postgres = settings.UsesPostgres ? NpgsqlDataSource.Create(settings.PostgresConnectionString!) : null;

    public bool UsesPostgres => _postgres is not null;

    public string ServiceId => settings.ServiceId;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellation = default) => _postgres is not null
        ? await _postgres.OpenConnectionAsync(cancellation)
        : DatabaseSchema.OpenSqlite(settings.SqlitePath);

    public void Dispose() => _postgres?.Dispose();
}
