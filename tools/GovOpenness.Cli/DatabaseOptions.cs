using System.CommandLine;
using GovOpenness.Grains.Storage;

namespace GovOpenness.Cli;

/// <summary>--data DIR or --postgres CONNECTION: the server's database, as the server's own keys name it.</summary>
internal sealed class DatabaseOptions
{
    public Option<string> Data { get; } = new("--data") { Description = "服务器的数据目录（SQLite，默认 ./data）", DefaultValueFactory = _ => "./data" };

    public Option<string?> Postgres { get; } = new("--postgres") { Description = "PostgreSQL 连接字符串（与服务器的 ConnectionStrings:Postgres 相同）" };

    public Option<string> ServiceId { get; } = new("--service-id") { Description = "Orleans ServiceId（默认 govopenness）", DefaultValueFactory = _ => "govopenness" };

    public void AddTo(Command command)
    {
        command.Options.Add(Data);
        command.Options.Add(Postgres);
        command.Options.Add(ServiceId);
    }

    /// <summary>The database, with the schema applied (idempotent) so a command works before the server's first start.</summary>
    public DatabaseConnections Open(ParseResult result)
    {
        var settings = new StorageSettings
        {
            DataDirectory = result.GetValue(Data)!,
            PostgresConnectionString = result.GetValue(Postgres) ?? Environment.GetEnvironmentVariable("ConnectionStrings__Postgres"),
            ServiceId = result.GetValue(ServiceId)!,
        };
        if (settings.UsesPostgres)
        {
            DatabaseSchema.ApplyPostgres(settings.PostgresConnectionString!);
        }
        else
        {
            DatabaseSchema.ApplySqlite(settings.SqlitePath);
        }

        return new DatabaseConnections(settings);
    }
}
