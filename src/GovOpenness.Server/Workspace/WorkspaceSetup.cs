namespace GovOpenness.Server.Workspace;

/// <summary>The workspace's services: the evidence store and its options ("GovOpenness:Evidence").</summary>
public static class WorkspaceSetup
{
    public static WebApplicationBuilder AddGovOpennessWorkspace(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<EvidenceOptions>(builder.Configuration.GetSection(EvidenceOptions.Section));
        builder.Services.AddSingleton<EvidenceStore>();
        return builder;
    }
}
