using System.Data.Common;
using GovOpenness.Grains.Storage.Audit;

namespace GovOpenness.Grains.Storage.Accounts;

/// <summary>
/// Accounts in the project's database (table Account, see Sql/*-accounts.sql), read and written with
/// the same parameterized SQL on SQLite and PostgreSQL. Names are stored and matched in lower case
/// ("Admin" and "admin" are one account). Every change is written with its record in one transaction.
/// </summary>
public sealed class AccountStore(DatabaseConnections database)
{
    private const string Columns = "Name, BodyId, Roles, PasswordHash, FailedCount, LockedUntil, CreatedOn, CreatedBy";

    public static string Key(string name) => name.Trim().ToLowerInvariant();

    public async Task<AccountRecord?> FindAsync(string name, CancellationToken cancellation = default)
    {
        await using var connection = await database.OpenAsync(cancellation);
        await using var command = AuditChain.Command(connection, null, $"SELECT {Columns} FROM Account WHERE ServiceId = @service AND Name = @name;");
        AuditChain.Add(command, "service", database.ServiceId);
        AuditChain.Add(command, "name", Key(name));
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        return await reader.ReadAsync(cancellation) ? Read(reader) : null;
    }

    public async Task<bool> AnyAsync(CancellationToken cancellation = default)
    {
        await using var connection = await database.OpenAsync(cancellation);
        await using var command = AuditChain.Command(connection, null, "SELECT COUNT(*) FROM Account WHERE ServiceId = @service;");
        AuditChain.Add(command, "service", database.ServiceId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellation), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>The accounts of one body, by name.</summary>
    public async Task<IReadOnlyList<AccountRecord>> OfBodyAsync(string bodyId, CancellationToken cancellation = default)
    {
        await using var connection = await database.OpenAsync(cancellation);
        await using var command = AuditChain.Command(connection, null, $"SELECT {Columns} FROM Account WHERE ServiceId = @service AND BodyId = @body ORDER BY Name;");
        AuditChain.Add(command, "service", database.ServiceId);
        AuditChain.Add(command, "body", bodyId);
        var found = new List<AccountRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            found.Add(Read(reader));
        }

        return found;
    }

    /// <summary>Adds the account and its record in one transaction; false when the name is taken (nothing written).</summary>
    public async Task<bool> TryCreateAsync(AccountRecord account, AuditEntry? record, CancellationToken cancellation = default)
    {
        await using var connection = await database.OpenAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        await using (var exists = AuditChain.Command(connection, transaction, "SELECT COUNT(*) FROM Account WHERE ServiceId = @service AND Name = @name;"))
        {
            AuditChain.Add(exists, "service", database.ServiceId);
            AuditChain.Add(exists, "name", Key(account.Name));
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellation), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                return false;
            }
        }

        await using (var insert = AuditChain.Command(connection, transaction, $"""
            INSERT INTO Account (ServiceId, {Columns})
            VALUES (@service, @name, @body, @roles, @hash, 0, NULL, @created, @by);
            """))
        {
            AuditChain.Add(insert, "service", database.ServiceId);
            AuditChain.Add(insert, "name", Key(account.Name));
            AuditChain.Add(insert, "body", account.BodyId);
            AuditChain.Add(insert, "roles", string.Join(',', account.Roles));
            AuditChain.Add(insert, "hash", account.PasswordHash);
            AuditChain.Add(insert, "created", AuditChain.FormatTime(account.CreatedOn));
            AuditChain.Add(insert, "by", account.CreatedBy);
            await insert.ExecuteNonQueryAsync(cancellation);
        }

        await AppendAsync(connection, transaction, record, cancellation);
        await transaction.CommitAsync(cancellation);
        return true;
    }

    /// <summary>Sets a new password hash and lifts any lockout, with its record; false when there is no such account.</summary>
    public Task<bool> SetPasswordAsync(string name, string passwordHash, AuditEntry? record, CancellationToken cancellation = default) =>
        UpdateAsync("UPDATE Account SET PasswordHash = @hash, FailedCount = 0, LockedUntil = NULL WHERE ServiceId = @service AND Name = @name;",
            name, record, cancellation, ("hash", passwordHash));

    /// <summary>Records a failed sign-in (and the lockout it may start) together with its record.</summary>
    public Task<bool> SetFailuresAsync(string name, int failedCount, DateTimeOffset? lockedUntil, AuditEntry? record, CancellationToken cancellation = default) =>
        UpdateAsync("UPDATE Account SET FailedCount = @count, LockedUntil = @until WHERE ServiceId = @service AND Name = @name;",
            name, record, cancellation, ("count", failedCount), ("until", lockedUntil is { } until ? AuditChain.FormatTime(until) : null));

    /// <summary>Appends a record that goes with no account change (e.g. a failed sign-in for an unknown name).</summary>
    public async Task AppendAsync(AuditEntry record, CancellationToken cancellation = default)
    {
        await using var connection = await database.OpenAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        await AppendAsync(connection, transaction, record, cancellation);
        await transaction.CommitAsync(cancellation);
    }

    private async Task<bool> UpdateAsync(string sql, string name, AuditEntry? record, CancellationToken cancellation, params (string Name, object? Value)[] values)
    {
        await using var connection = await database.OpenAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        await using var command = AuditChain.Command(connection, transaction, sql);
        AuditChain.Add(command, "service", database.ServiceId);
        AuditChain.Add(command, "name", Key(name));
        foreach (var (parameter, value) in values)
        {
            AuditChain.Add(command, parameter, value);
        }

        if (await command.ExecuteNonQueryAsync(cancellation) == 0)
        {
            return false;
        }

        await AppendAsync(connection, transaction, record, cancellation);
        await transaction.CommitAsync(cancellation);
        return true;
    }

    private Task AppendAsync(DbConnection connection, DbTransaction transaction, AuditEntry? record, CancellationToken cancellation) =>
        record is null ? Task.CompletedTask : AuditChain.AppendAsync(connection, transaction, database.ServiceId, [record], database.UsesPostgres);

    private static AccountRecord Read(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2).Split(',', StringSplitOptions.RemoveEmptyEntries),
        reader.GetString(3),
        reader.GetInt32(4),
        reader.IsDBNull(5) ? null : AuditChain.ParseTime(reader.GetString(5)),
        AuditChain.ParseTime(reader.GetString(6)),
        reader.GetString(7));
}
