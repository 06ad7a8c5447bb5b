using Microsoft.Extensions.Options;

namespace GovOpenness.Server.Tests;

/// <summary>A recount batch under 1 would split a subtree without end: the server refuses to start and names the setting.</summary>
public sealed class DeskOptionsTests
{
    [Fact]
    public async Task ARecountBatchOfZeroStopsTheStartAndNamesTheSetting()
    {
        var data = TempFolder.Create("govopenness-desk-options");
        var factory = new ServerFactory(data, seed: false, settings: new Dictionary<string, string> { ["GovOpenness:Desk:RecountBatchBodies"] = "0" });
        try
        {
            var refused = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
            var validation = refused as OptionsValidationException ?? refused.InnerException as OptionsValidationException
                ?? (refused as AggregateException)?.InnerExceptions.OfType<OptionsValidationException>().FirstOrDefault();
            Assert.NotNull(validation);
            Assert.Contains("GovOpenness:Desk:RecountBatchBodies", validation!.Message);
        }
        finally
        {
            await factory.DisposeAsync();
            TempFolder.Delete(data);
        }
    }
}
