namespace GovOpenness.Server.Hosting;

/// <summary>Configuration section "GovOpenness" (see README.md for every key).</summary>
public sealed class ServerOptions
{
    public const string Section = "GovOpenness";

    /// <summary>Where the SQLite file lives; <c>--GovOpenness:DataDirectory=DIR</c> or <c>GovOpenness__DataDirectory</c>.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>A PostgreSQL connection string; also read from <c>ConnectionStrings:Postgres</c>.</summary>
    public string? Postgres { get; set; }

    /// <summary>Silos with the same cluster id (and database) form one cluster.</summary>
    public string ClusterId { get; set; } = "govopenness";

    /// <summary>
    /// Orleans' ServiceId: every stored row is keyed by it, so two services on one database (a test run's
    /// clusters, a staging and a production service) never read or overwrite each other's state.
    /// </summary>
    public string ServiceId { get; set; } = "govopenness";

    /// <summary>Orleans silo-to-silo port (distinct per process when several run on one machine).</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>The host name other silos reach this one by (a container name); unset means loopback.</summary>
    public string? AdvertisedHost { get; set; }

    /// <summary>Orleans client gateway port.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Largest request body accepted; larger ones get a 413 problem.</summary>
    public long MaxRequestBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Load the sample cascade on the first start (when 山西省 has no plan yet).</summary>
    public bool SeedSamples { get; set; } = true;
}
