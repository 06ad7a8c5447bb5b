namespace GovOpenness.Server.Desk;

/// <summary>The supervisor's desk services: the subtree reader and the day figures are computed for.</summary>
public static class DeskSetup
{
    public static WebApplicationBuilder AddGovOpennessDesk(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SubtreeReader>();
        builder.Services.AddSingleton<DeskDay>();
        builder.Services.AddSingleton<AsOfReads>();
        return builder;
    }
}
