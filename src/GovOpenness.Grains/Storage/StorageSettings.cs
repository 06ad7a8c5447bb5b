namespace GovOpenness.Grains.Storage;

/// <summary>
/// Where state lives: a SQLite file under <see cref="DataDirectory"/> by default, PostgreSQL when a
/// connection string is given (then the silos also cluster and keep reminders there).
/// </summary>
public sealed class StorageSettings
{
    public string DataDirectory { get; set; } = "./data";

    public string? PostgresConnectionString { get; set; }

    public bool UsesPostgres => !string.IsNullOrWhiteSpace(PostgresConnectionString);

    public string SqlitePath => Path.Combine(Path.GetFullPath(DataDirectory), "govopenness.db");

    /// <summary>Orleans' ServiceId: rows of different services never mix.</summary>
    public string ServiceId { get; set; } = "govopenness";

    public string ClusterId { get; set; } = "govopenness";
}
